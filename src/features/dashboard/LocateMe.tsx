/** "Locate me": shows the device's position on the map and the ward it is in. */

import { wardByCode } from '../../geo/wardSet.ts';
import { useAppStore } from '../../state/store.ts';
import { locateMe } from './locateMe.ts';

export function LocateMe() {
  const location = useAppStore((state) => state.location);
  const wards = useAppStore((state) => state.wards);
  const wardName = (code: string) => {
    const ward = wardByCode(wards, code);
    return ward ? `${ward.name}, ${ward.ladName}` : code;
  };
  return (
    <div className="locate-me">
      <button type="button" onClick={locateMe} disabled={location.status === 'locating'}>
        Locate me
      </button>
      <p role="status" className="hint">
        {location.status === 'locating' && 'Finding your position…'}
        {location.status === 'failed' && location.message}
        {location.status === 'found' &&
          (location.ward
            ? `You are in ${wardName(location.ward)} (to within ${Math.round(location.accuracy)} m).`
            : 'Your position is outside the loaded wards.')}
      </p>
    </div>
  );
}
