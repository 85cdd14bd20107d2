/**
 * The scale at which a fixed-width sheet (the A4 briefing) fits the width its frame is given:
 * 1 where it fits, less on a tablet or phone, so that the preview never scrolls sideways.
 * Measured again whenever the frame changes size.
 */
import { type RefObject, useEffect, useState } from 'react';

export function useFitToWidth(
  frame: RefObject<HTMLElement | null>,
  sheet: RefObject<HTMLElement | null>,
): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const frameElement = frame.current;
    const sheetElement = sheet.current;
    if (!frameElement || !sheetElement) return;
    const measure = () => {
      // The sheet's box as drawn, at the scale it has now: its own width is that over the scale.
      const applied = Number(getComputedStyle(sheetElement).zoom) || 1;
      const natural = sheetElement.getBoundingClientRect().width / applied;
      if (natural <= 0) return;
      const next = Math.min(1, frameElement.clientWidth / natural);
      setScale((current) => (Math.abs(current - next) < 0.001 ? current : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(frameElement);
    measure();
    return () => observer.disconnect();
  }, [frame, sheet]);
  return scale;
}
