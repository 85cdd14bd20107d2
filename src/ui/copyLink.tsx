/**
 * Copy link: the clipboard where the browser allows it; where it refuses (outside secure
 * contexts, or without permission) the link is offered selected in a field, to copy by hand.
 */
import { type RefObject, useEffect, useId, useRef, useState } from 'react';

export function useCopyLink() {
  const [status, setStatus] = useState('');
  const [linkToCopy, setLinkToCopy] = useState<string | null>(null);
  const linkField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (linkToCopy === null) return;
    linkField.current?.focus();
    linkField.current?.select();
  }, [linkToCopy]);

  const copyLink = async (link: string) => {
    try {
      // Missing outside secure contexts, and refused without permission.
      await navigator.clipboard.writeText(link);
      setLinkToCopy(null);
      setStatus('Link copied');
    } catch {
      setLinkToCopy(link);
      setStatus('The link could not be copied for you: it is selected below, copy it with Ctrl+C.');
    }
  };

  return { copyLink, linkToCopy, linkField, status, setStatus };
}

/** The link to copy by hand, selected in a field, once the clipboard has refused it. */
export function LinkToCopy({
  label,
  link,
  fieldRef,
}: {
  label: string;
  link: string | null;
  fieldRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  if (link === null) return null;
  return (
    <div className="field copy-link">
      <label htmlFor={id}>{label}</label>
      <input id={id} ref={fieldRef} type="text" readOnly value={link} />
    </div>
  );
}
