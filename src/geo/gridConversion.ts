/**
 * British National Grid eastings and northings to WGS84 longitude and latitude, through proj4
 * (its accuracy: britishNationalGrid.ts). A module of its own so that only the code that converts
 * loads proj4.
 */
import proj4 from 'proj4';

/** EPSG:27700 as the EPSG registry defines it, with the Helmert parameters to WGS84. */
export const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'EPSG:4326');

/** Longitude and latitude (WGS84) of a grid reference in metres. */
export function gridToLonLat(easting: number, northing: number): [number, number] {
  const [longitude, latitude] = toWgs84.forward([easting, northing]) as [number, number];
  return [longitude, latitude];
}
