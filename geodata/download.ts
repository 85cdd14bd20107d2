/**
 * Downloads the London ward boundaries from the ONS Open Geography Portal (ArcGIS REST feature
 * services) when no local files are given:
 * 1. the ward → local authority lookup (WD24_LAD24_UK_LU) for the 33 London boroughs, `f=json`;
 * 2. the boundaries (Wards_May_2024_Boundaries_UK_BGC) by batches of ward codes, `outSR=4326`,
 *    `f=geojson`, with the borough code and name added from the lookup.
 * Both follow ArcGIS paging (`resultOffset`, `resultRecordCount`, `exceededTransferLimit`).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { LONDON_LAD_CODES } from '../src/geo/areas.ts';
import type { LadInfo } from '../src/geo/wardBoundaries.ts';
import { BOUNDARIES_FILE, POPULATION_FILE } from './sources.ts';

export const DEFAULT_ARCGIS_BASE =
  'https://services1.arcgis.com/ESMARspQHYMw9BZ9/arcgis/rest/services';
export const LOOKUP_LAYER = 'WD24_LAD24_UK_LU/FeatureServer/0';
export const BOUNDARY_LAYER = 'Wards_May_2024_Boundaries_UK_BGC/FeatureServer/0';
export const DOWNLOAD_SOURCE = 'ONS Wards (May 2024) Boundaries UK BGC';

export interface DownloadOptions {
  /** Services root; default `DEFAULT_ARCGIS_BASE` (env `ONS_ARCGIS_BASE` in the CLI). */
  baseUrl?: string;
  ladCodes?: readonly string[];
  /** Ward codes per boundary request (they go in the URL's where clause). */
  batchSize?: number;
  /** Records asked for per page; the server may return fewer and say so. */
  pageSize?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
}

export interface LookupWard extends LadInfo {
  name: string;
}

export interface DownloadResult {
  collection: FeatureCollection;
  lookup: Map<string, LookupWard>;
  requests: number;
}

export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** What to tell the user when the download fails. */
export function downloadHelp(reason: string): string {
  return [
    `Could not download the ward boundaries from the ONS Open Geography Portal: ${reason}`,
    '',
    'Download the files yourself, put them in one folder and set WARD_DATA_DIR to it:',
    `  1. Ward boundaries (required): "Wards (May 2024) Boundaries UK BGC" as GeoJSON, from the`,
    '     ONS Open Geography Portal (https://geoportal.statistics.gov.uk). Save it as',
    `     ${BOUNDARIES_FILE} (any *.geojson with WDyyCD properties is recognised; a`,
    '     whole-UK file keeps every UK ward). Without LAD24CD/LAD24NM columns, also put the',
    '     "Ward to Local Authority District (May 2024) Lookup" CSV into the same folder.',
    `  2. Ward population (optional, for rates): Census 2021 usual residents by 2022 ward, e.g.`,
    `     ${POPULATION_FILE} (columns WD22CD, usual_residents[, age_10_24]), from ONS`,
    '     (https://www.ons.gov.uk, Census 2021 ward-level tables) or Nomis (https://www.nomisweb.co.uk).',
    'Then run:  WARD_DATA_DIR=/path/to/folder npm run data',
  ].join('\n');
}

interface PageAnswer {
  features?: unknown[];
  exceededTransferLimit?: boolean;
  properties?: { exceededTransferLimit?: boolean };
  error?: { code?: number; message?: string; details?: string[] };
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : '';
    return detail && !error.message.includes(detail)
      ? `${error.message} (${detail})`
      : error.message;
  }
  return String(error);
}

/** Every feature of a query, following `exceededTransferLimit` pages. */
async function queryAllPages(
  layerUrl: string,
  params: Record<string, string>,
  options: Required<Pick<DownloadOptions, 'pageSize' | 'timeoutMs' | 'fetchImpl'>>,
  counter: { requests: number },
): Promise<unknown[]> {
  const features: unknown[] = [];
  for (let page = 0; page < 10_000; page += 1) {
    const search = new URLSearchParams({
      ...params,
      resultOffset: String(features.length),
      resultRecordCount: String(options.pageSize),
    });
    const url = `${layerUrl}/query?${search}`;
    let answer: PageAnswer;
    try {
      counter.requests += 1;
      const response = await options.fetchImpl(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      answer = (await response.json()) as PageAnswer;
    } catch (error) {
      throw new DownloadError(`${describeFailure(error)} (${layerUrl}/query)`);
    }
    if (answer.error) {
      const message = [answer.error.message, ...(answer.error.details ?? [])].filter(Boolean);
      throw new DownloadError(`the service answered "${message.join('; ')}" (${layerUrl}/query)`);
    }
    const batch = answer.features ?? [];
    features.push(...batch);
    const more = answer.exceededTransferLimit ?? answer.properties?.exceededTransferLimit ?? false;
    if (!more || batch.length === 0) return features;
  }
  throw new DownloadError(`too many pages from ${layerUrl}`);
}

function settings(options: DownloadOptions) {
  return {
    baseUrl: (options.baseUrl ?? DEFAULT_ARCGIS_BASE).replace(/\/+$/, ''),
    ladCodes: options.ladCodes ?? LONDON_LAD_CODES,
    batchSize: options.batchSize ?? 100,
    pageSize: options.pageSize ?? 1000,
    timeoutMs: options.timeoutMs ?? 60_000,
    fetchImpl: options.fetchImpl ?? fetch,
    log: options.log ?? (() => {}),
  };
}

const quoted = (codes: readonly string[]) => codes.map((code) => `'${code}'`).join(',');

/** The wards of the given boroughs (default: London) with their borough, from the lookup layer. */
export async function fetchWardLookup(
  options: DownloadOptions = {},
  counter = { requests: 0 },
): Promise<Map<string, LookupWard>> {
  const s = settings(options);
  const rows = await queryAllPages(
    `${s.baseUrl}/${LOOKUP_LAYER}`,
    {
      where: `LAD24CD IN (${quoted(s.ladCodes)})`,
      outFields: 'WD24CD,WD24NM,LAD24CD,LAD24NM',
      returnGeometry: 'false',
      orderByFields: 'WD24CD',
      f: 'json',
    },
    s,
    counter,
  );
  const lookup = new Map<string, LookupWard>();
  for (const row of rows) {
    const a = ((row as { attributes?: Record<string, unknown> }).attributes ?? {}) as Record<
      string,
      unknown
    >;
    const code = String(a.WD24CD ?? '').trim();
    if (code === '') continue;
    lookup.set(code, {
      name: String(a.WD24NM ?? '').trim(),
      lad: String(a.LAD24CD ?? '').trim(),
      ladName: String(a.LAD24NM ?? '').trim(),
    });
  }
  return lookup;
}

/** Downloads the boundaries of every ward of the given boroughs, with `LAD24CD`/`LAD24NM` added. */
export async function downloadWardBoundaries(
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const s = settings(options);
  const counter = { requests: 0 };
  s.log(`Downloading the ward to borough lookup from ${s.baseUrl} ...`);
  const lookup = await fetchWardLookup(options, counter);
  if (lookup.size === 0) {
    throw new DownloadError(
      `the lookup ${LOOKUP_LAYER} returned no wards for ${s.ladCodes.length} boroughs`,
    );
  }
  const codes = [...lookup.keys()].sort();
  s.log(`${codes.length} wards in ${s.ladCodes.length} boroughs; downloading their boundaries ...`);
  const features: Feature[] = [];
  for (let start = 0; start < codes.length; start += s.batchSize) {
    const batch = codes.slice(start, start + s.batchSize);
    const page = await queryAllPages(
      `${s.baseUrl}/${BOUNDARY_LAYER}`,
      {
        where: `WD24CD IN (${quoted(batch)})`,
        outFields: 'WD24CD,WD24NM,LAT,LONG',
        outSR: '4326',
        orderByFields: 'WD24CD',
        f: 'geojson',
      },
      s,
      counter,
    );
    for (const item of page as Feature[]) {
      const properties = { ...(item.properties ?? {}) };
      const ward = lookup.get(String(properties.WD24CD ?? '').trim());
      if (ward) {
        properties.WD24NM ??= ward.name;
        properties.LAD24CD = ward.lad;
        properties.LAD24NM = ward.ladName;
      }
      features.push({ ...item, properties });
    }
  }
  s.log(`Downloaded ${features.length} ward boundaries in ${counter.requests} requests`);
  return {
    collection: { type: 'FeatureCollection', features },
    lookup,
    requests: counter.requests,
  };
}
