/** Puts SVG markup into the page as live SVG (not an <img>), so print and PDF keep vectors. */
import { useEffect, useRef } from 'react';

export function InlineSvg({ markup, className }: { markup: string; className: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const svg = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    holder.current?.replaceChildren(document.importNode(svg, true));
  }, [markup]);
  return <div className={className} ref={holder} />;
}
