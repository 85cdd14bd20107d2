/**
 * A table that scrolls sideways where it is wider than the screen (a phone). The keyboard
 * reaches it with Tab and scrolls it with the arrow keys; it is named by its table's caption.
 */
import type { ReactNode } from 'react';

export function TableScroll({
  captionId,
  children,
}: {
  /** The id of the table's caption. */
  captionId: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus for the keyboard to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
    <section className="table-scroll" tabIndex={0} aria-labelledby={captionId}>
      {children}
    </section>
  );
}
