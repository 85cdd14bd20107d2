/**
 * British National Grid (OSGB36 / EPSG:27700): its extent, and the accuracy of converting its
 * eastings and northings to WGS84 longitude and latitude (gridConversion.ts, through proj4 with
 * the Ordnance Survey's 7-parameter Helmert transformation from OSGB36 to WGS84). Without the
 * OSTN15 grid (15 MB) that transformation is good to about 5 m (the Ordnance Survey's own figure;
 * 2-3 m in most of London): a point closer than that to a ward boundary can fall in the
 * neighbouring ward. The methods page says so.
 */

/** The grid's extent: eastings 0-700 km, northings 0-1,300 km (Shetland). */
export const GRID_EXTENT = { maxEasting: 700_000, maxNorthing: 1_300_000 } as const;

export function isOnGrid(easting: number, northing: number): boolean {
  return (
    easting >= 0 &&
    easting <= GRID_EXTENT.maxEasting &&
    northing >= 0 &&
    northing <= GRID_EXTENT.maxNorthing
  );
}

/** The accuracy stated to users (methods page, notes). */
export const GRID_ACCURACY_NOTE =
  'British National Grid eastings and northings are converted to longitude and latitude with the Ordnance Survey’s 7-parameter Helmert transformation (proj4), which is good to about 5 metres: a point that close to a ward boundary may be placed in the neighbouring ward.';
