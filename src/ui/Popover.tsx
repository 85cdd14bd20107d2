/**
 * A button that shows a panel below it (Share, Settings, the phone's menu, Load data's options):
 * open and closed by the button, closed by Escape (focus goes back to the button), a click
 * elsewhere, or by what the panel holds once it is done (`children` given the close function).
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export function Popover({
  label,
  labelHidden = false,
  className,
  children,
}: {
  label: string;
  /** The button shows only its arrow (its name is still the label), as beside another button. */
  labelHidden?: boolean;
  className?: string;
  children: ReactNode | ((close: () => void) => ReactNode);
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
        {labelHidden ? <span className="visually-hidden">{label}</span> : `${label} `}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={`${id}-panel`} className="popover-panel" hidden={!open}>
        {typeof children === 'function' ? children(() => setOpen(false)) : children}
      </div>
    </div>
  );
}
