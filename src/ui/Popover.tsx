/**
 * A button that shows a panel below it (Share, Settings, the phone's menu): open and closed by
 * the button, closed by Escape (focus goes back to the button) or a click elsewhere.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export function Popover({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className={`popover ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={`${id}-panel`} className="popover-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
