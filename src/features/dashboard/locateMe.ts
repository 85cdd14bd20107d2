/**
 * "Locate me": the device's position from the browser, and the ward it falls in. The position
 * never leaves the page: it is not in the URL, not stored, and the ward is found here.
 */
import { createWardLocator, type WardLocator } from '../../geo/wardLocator.ts';
import type { WardSet } from '../../geo/wardSet.ts';
import { useAppStore } from '../../state/store.ts';

const locators = new WeakMap<WardSet, WardLocator>();

function locatorFor(wards: WardSet): WardLocator {
  let locator = locators.get(wards);
  if (!locator) {
    locator = createWardLocator(
      wards.wards.map((ward) => ({
        code: ward.code,
        geometry: (wards.features[ward.index] as WardSet['features'][number]).geometry,
      })),
    );
    locators.set(wards, locator);
  }
  return locator;
}

function failureMessage(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return 'This site may not use your location. Allow it in the browser settings and try again.';
    case error.POSITION_UNAVAILABLE:
      return 'Your position is not available at the moment.';
    default:
      return 'Finding your position took too long. Try again.';
  }
}

/** Finds the device, selects the ward it is in (switching to that ward's borough) and says so. */
export function locateMe(): void {
  const store = useAppStore.getState();
  if (!('geolocation' in navigator)) {
    store.setLocation({ status: 'failed', message: 'This browser cannot give your position.' });
    return;
  }
  store.setLocation({ status: 'locating' });
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => {
      const { wards } = useAppStore.getState();
      const ward = wards ? locatorFor(wards).codeAt(coords.longitude, coords.latitude) : null;
      const state = useAppStore.getState();
      state.setLocation({
        status: 'found',
        longitude: coords.longitude,
        latitude: coords.latitude,
        accuracy: coords.accuracy,
        ward,
      });
      const lad = ward && wards ? wards.wards[wards.byCode.get(ward) ?? -1]?.lad : undefined;
      if (ward && lad && state.area !== lad && state.area !== 'london') state.setArea(lad);
      if (ward) useAppStore.getState().selectWard(ward);
    },
    (error) =>
      useAppStore.getState().setLocation({ status: 'failed', message: failureMessage(error) }),
    { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
  );
}
