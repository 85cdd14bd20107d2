/** The names of the boundary formats, apart from their readers (and proj4) for the interface. */
export const BOUNDARY_FORMAT = 'Ward boundaries (GeoJSON)';
export const SHAPEFILE_FORMAT = 'Ward boundaries (Shapefile)';
export const GEOPACKAGE_FORMAT = 'Ward boundaries (GeoPackage)';
/** Their reports count features rather than rows. */
export const BOUNDARY_FORMATS: readonly string[] = [
  BOUNDARY_FORMAT,
  SHAPEFILE_FORMAT,
  GEOPACKAGE_FORMAT,
];
