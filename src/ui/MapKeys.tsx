/**
 * A map's legends laid over its top-left corner, clear of the zoom buttons and the attribution.
 * On a tablet or phone a button folds them away to show the map under them.
 */
import { type ReactNode, useId, useState } from 'react';
import { useLayoutSize } from './useLayoutSize.ts';

export function MapKeys({ children }: { children: ReactNode }) {
  const foldable = useLayoutSize() !== 'desktop';
  const [open, setOpen] = useState(true);
  const id = useId();
  const shown = open || !foldable;
  return (
    <div className={`map-keys${shown ? '' : ' folded'}`}>
      {foldable && (
        <button
          type="button"
          className="map-keys-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide legend' : 'Show legend'}
        </button>
      )}
      <div id={id} className="map-keys-body" hidden={!shown}>
        {children}
      </div>
    </div>
  );
}
