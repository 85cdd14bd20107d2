/**
 * A map's legends laid over its top-left corner, clear of the zoom buttons and the attribution.
 * A button folds them away to show the map under them: a phone's map is small, and a link's
 * camera may put wards under the legend.
 */
import { type ReactNode, useId, useState } from 'react';

export function MapKeys({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <div className={`map-keys${open ? '' : ' folded'}`}>
      <button
        type="button"
        className="map-keys-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide legend' : 'Show legend'}
      </button>
      <div id={id} className="map-keys-body" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
