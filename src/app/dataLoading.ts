/**
 * Loading data into the app: the app's own files at start-up (boundaries, populations, demo
 * offences) and files the user chooses. Parsing happens in the worker; this module moves the
 * results into the registry and store.
 */
import { parsePopulationCsv } from '../data/formats/population.ts';
import type { ParsedFile } from '../data/readFile.ts';
import { readInWorker, type WorkerRead } from '../data/workerClient.ts';
import { ALL_LONDON_AREA } from '../geo/areas.ts';
import {
  DATA_FOLDER_URL,
  type DataManifest,
  DEMO_OFFENCES_URL,
  MANIFEST_FILE,
  POPULATION_FILE,
  WARDS_FILE,
  type WardTopology,
} from '../geo/wardFile.ts';
import type { WardIdentity } from '../geo/wardLookup.ts';
import { decodeWardTopology } from '../geo/wardSet.ts';
import { loadedData } from '../state/registry.ts';
import { useAppStore } from '../state/store.ts';

export const DEMO_SOURCE_NAME = 'Synthetic demo data';

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  return response;
}

function wardIdentities(): WardIdentity[] {
  return (loadedData.wards?.wards ?? []).map(({ code, name, lad }) => ({ code, name, lad }));
}

let currentRead: WorkerRead | null = null;

/** Reads a file (or app URL) in the worker and applies what it holds. */
async function readAndApply(
  source: File | { url: string },
  fileName: string,
  synthetic: boolean,
): Promise<void> {
  const store = useAppStore.getState();
  currentRead?.cancel();
  const area = store.area === ALL_LONDON_AREA ? null : store.area;
  const read = readInWorker({
    source,
    fileName,
    wards: wardIdentities(),
    preferredLad: area,
    onProgress: (progress) => useAppStore.getState().setLoading({ fileName, progress }),
  });
  currentRead = read;
  store.setLoading({ fileName, progress: 0 });
  store.setError(null);
  let parsed: ParsedFile;
  try {
    parsed = await read.result;
  } catch (error) {
    useAppStore
      .getState()
      .setError(
        `${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    return;
  } finally {
    if (currentRead === read) {
      currentRead = null;
      useAppStore.getState().setLoading(null);
    }
  }
  applyParsedFile(parsed, synthetic);
}

/** Applies a read file; the report of the app's own demo file is not shown to users. */
export function applyParsedFile(parsed: ParsedFile, synthetic: boolean): void {
  const store = useAppStore.getState();
  switch (parsed.kind) {
    case 'offences': {
      if (!synthetic) store.addReport(parsed.report);
      if (parsed.cube.monthCount === 0) {
        store.setError(
          `${parsed.report.fileName}: no row could be loaded, so the figures shown are unchanged.`,
        );
        return;
      }
      const { cube, themes, points, report } = parsed;
      store.addDataset({
        id: crypto.randomUUID(),
        fileName: report.fileName,
        format: report.format,
        synthetic,
        loadedAt: new Date().toISOString(),
        cube,
        themes,
        replacedThemes: [],
        report,
        points,
      });
      return;
    }
    case 'population':
      store.setPopulations(parsed.populations, { name: parsed.report.fileName, year: null });
      store.addReport(parsed.report);
      return;
    case 'unrecognised':
      store.setError(`${parsed.fileName}: ${parsed.message}`);
      return;
  }
}

export function loadUserFile(file: File): Promise<void> {
  return readAndApply(file, file.name, false);
}

export function cancelLoading(): void {
  currentRead?.cancel();
}

/** The synthetic demo offences that ship with the app. */
function loadDemo(): Promise<void> {
  return readAndApply(
    { url: new URL(DEMO_OFFENCES_URL, document.baseURI).href },
    DEMO_SOURCE_NAME,
    true,
  );
}

/** Forgets every loaded file and shows the demo data again. */
export async function clearData(): Promise<void> {
  useAppStore.getState().clearDatasets();
  await loadDemo();
}

/** Boundaries, populations and the demo offences that ship with the app. */
export async function loadAppData(): Promise<void> {
  const store = useAppStore.getState();
  try {
    // The three files are fetched together: the manifest only says whether there are populations.
    const folder = new URL(DATA_FOLDER_URL, document.baseURI);
    const [manifest, topology, populationText] = await Promise.all([
      fetchOk(new URL(MANIFEST_FILE, folder).href).then(
        (response) => response.json() as Promise<DataManifest>,
      ),
      fetchOk(new URL(WARDS_FILE, folder).href).then(
        (response) => response.json() as Promise<WardTopology>,
      ),
      fetch(new URL(POPULATION_FILE, folder).href).then((response) =>
        response.ok ? response.text() : null,
      ),
    ]);
    store.setWards(decodeWardTopology(topology));
    if (manifest.population && populationText !== null) {
      // About 700 short rows: quicker here than a round trip to the worker.
      const { populations } = parsePopulationCsv(POPULATION_FILE, populationText);
      store.setPopulations(populations, {
        name: manifest.population.source,
        year: manifest.population.year,
      });
    }
  } catch (error) {
    store.setError(
      `The ward boundaries could not be loaded (${error instanceof Error ? error.message : String(error)}). Run "npm run data" to build them.`,
    );
    return;
  }
  await loadDemo();
}
