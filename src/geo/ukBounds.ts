/** A box around the United Kingdom, the Isles of Scilly to Shetland and Northern Ireland. */
export const UK_BOUNDS = { south: 49.8, north: 61, west: -8.7, east: 2 } as const;

export function inUk(latitude: number, longitude: number): boolean {
  return (
    latitude >= UK_BOUNDS.south &&
    latitude <= UK_BOUNDS.north &&
    longitude >= UK_BOUNDS.west &&
    longitude <= UK_BOUNDS.east
  );
}

/** "outside the UK (latitude 49.8 to 61, longitude −8.7 to 2)" */
export const OUTSIDE_UK = `outside the UK (latitude ${UK_BOUNDS.south} to ${UK_BOUNDS.north}, longitude −${-UK_BOUNDS.west} to ${UK_BOUNDS.east})`;
