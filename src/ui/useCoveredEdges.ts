/**
 * How far the panels laid over the map (its legend, the details' buttons, the phone's sheet)
 * reach in from its edges, so that the map fits its area into the part left uncovered. Measured
 * from the page, and again whenever one of them changes size.
 */
import { type RefObject, useEffect, useState } from 'react';
import type { MapPadding } from '../map/wardMap.ts';

const NONE: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };

/** A map at least this wide always keeps the area to the right of its legend. */
const SIDE_BY_SIDE = 600;

function same(a: MapPadding, b: MapPadding): boolean {
  return a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;
}

export function useCoveredEdges(
  root: RefObject<HTMLElement | null>,
  selectors: { stage: string; left: string; bottom: readonly string[] },
  /** Changes when the layout does, to measure afresh. */
  layoutKey: string,
): MapPadding {
  const [covered, setCovered] = useState<MapPadding>(NONE);
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutKey asks for a fresh measure.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const measure = () => {
      const stage = element.querySelector(selectors.stage)?.getBoundingClientRect();
      if (!stage || stage.width === 0) return;
      const legend = element.querySelector(selectors.left)?.getBoundingClientRect();
      const bottom = Math.max(
        0,
        ...selectors.bottom.map((selector) => {
          const box = element.querySelector(selector)?.getBoundingClientRect();
          return box && box.height > 0 ? Math.max(0, stage.bottom - box.top) : 0;
        }),
      );
      // A wide map keeps the area beside its legend; a narrow one (a phone's) beside it or below
      // it, whichever leaves the area more room.
      const besideLegend = legend ? Math.max(0, legend.right - stage.left) : 0;
      const belowLegend = legend ? Math.max(0, legend.bottom - stage.top) : 0;
      const height = stage.height - bottom;
      const beside =
        stage.width >= SIDE_BY_SIDE ||
        (stage.width - besideLegend) * height >= stage.width * (height - belowLegend);
      const next = {
        top: beside ? 0 : belowLegend,
        left: beside ? besideLegend : 0,
        right: 0,
        bottom,
      };
      setCovered((current) => (same(current, next) ? current : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const selector of [selectors.left, ...selectors.bottom]) {
      const target = element.querySelector(selector);
      if (target) observer.observe(target);
    }
    measure();
    return () => observer.disconnect();
  }, [root, selectors, layoutKey]);
  return covered;
}
