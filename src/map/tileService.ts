/**
 * An organisation's tile service, set by whoever hosts the app when they build it (never by a
 * user, never on by default): `BASEMAP_STYLE_URL` (a MapLibre style, e.g. Ordnance Survey's
 * Vector Tile API with the organisation's key) or `BASEMAP_TILE_URL` (a raster tile template with
 * {z}/{x}/{y}, e.g. OS Maps API Light), with `BASEMAP_PROVIDER` and `BASEMAP_ATTRIBUTION`.
 * vite.config.ts reads them, writes the service's origin into the Content-Security-Policy and
 * hands the app the same object. Pure, so the build and the app agree on it.
 */

export interface TileService {
  kind: 'style' | 'tiles';
  url: string;
  /** Where every tile request goes, e.g. `https://api.os.uk`. */
  origin: string;
  /** Who receives the requests, for the screen. */
  provider: string;
  attribution: string;
}

export const ORDNANCE_SURVEY_ATTRIBUTION =
  'Contains OS data © Crown copyright and database rights, Ordnance Survey';

/** The variables the build reads. */
export interface TileServiceEnvironment {
  BASEMAP_STYLE_URL?: string;
  BASEMAP_TILE_URL?: string;
  BASEMAP_PROVIDER?: string;
  BASEMAP_ATTRIBUTION?: string;
}

const isOrdnanceSurvey = (host: string) => host === 'os.uk' || host.endsWith('.os.uk');

/**
 * The configured service, or null when none is set; throws (failing the build) with what to
 * change when the setting is wrong, rather than building an app whose base map cannot load.
 */
export function tileServiceFrom(environment: TileServiceEnvironment): TileService | null {
  const style = environment.BASEMAP_STYLE_URL?.trim() || '';
  const tiles = environment.BASEMAP_TILE_URL?.trim() || '';
  if (!style && !tiles) return null;
  if (style && tiles)
    throw new Error('Set BASEMAP_STYLE_URL or BASEMAP_TILE_URL, not both: the base map is one.');
  const url = style || tiles;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The base map address is not a full address (https://…): ${url}`);
  }
  if (parsed.protocol !== 'https:')
    throw new Error(`The base map address must use https, so that tiles are encrypted: ${url}`);
  if (tiles && !['{z}', '{x}', '{y}'].every((part) => tiles.includes(part)))
    throw new Error(`BASEMAP_TILE_URL must have {z}, {x} and {y} in it: ${tiles}`);
  const ordnanceSurvey = isOrdnanceSurvey(parsed.hostname);
  const provider =
    environment.BASEMAP_PROVIDER?.trim() || (ordnanceSurvey ? 'Ordnance Survey' : parsed.hostname);
  const attribution =
    environment.BASEMAP_ATTRIBUTION?.trim() || (ordnanceSurvey ? ORDNANCE_SURVEY_ATTRIBUTION : '');
  if (!attribution)
    throw new Error(
      'Set BASEMAP_ATTRIBUTION to the credit the tile service asks for (its licence requires one).',
    );
  return { kind: style ? 'style' : 'tiles', url, origin: parsed.origin, provider, attribution };
}

/**
 * A request to the service's origin with the query of the configured address added where it is
 * missing: a style names its tiles, sprites and fonts without the organisation's key, which OS's
 * APIs want on every request (and `srs` for Web Mercator). Other addresses are left as they are.
 */
export function withServiceQuery(url: string, service: TileService): string {
  let request: URL;
  try {
    request = new URL(url);
  } catch {
    return url;
  }
  if (request.origin !== service.origin) return url;
  const configured = new URL(service.url.replace(/[{}]/g, ''));
  for (const [name, value] of configured.searchParams)
    if (!request.searchParams.has(name)) request.searchParams.set(name, value);
  return request.href;
}

/** MapLibre's transformRequest for a map that may show the service. */
export function serviceRequests(
  service: () => TileService | null,
): (url: string) => { url: string } {
  return (url) => {
    const current = service();
    return { url: current ? withServiceQuery(url, current) : url };
  };
}
