/**
 * Loading data into the app: the app's own files at start-up (boundaries, populations, demo
 * offences) and files the user chooses. Parsing happens in the worker; this module moves the
 * results into the registry and store.
 */
import type { Dataset } from '../../data/dataset.ts';
import type { WardPopulation } from '../../data/population.ts';
import type { ServiceFile } from '../../data/services.ts';
import { parsePopulationCsv } from '../../formats/population.ts';
import { readInWorker, shareWards, type WorkerRead } from '../../formats/workerClient.ts';
import type { WorkerResult } from '../../formats/workerProtocol.ts';
import { ALL_LONDON_AREA } from '../../geo/areas.ts';
import {
  DATA_FOLDER_URL,
  type DataManifest,
  DEMO_OFFENCES_URL,
  MANIFEST_FILE,
  POPULATION_FILE,
  WARDS_FILE,
  type WardTopology,
} from '../../geo/wardFile.ts';
import type { WardIdentity } from '../../geo/wardLookup.ts';
import { decodeWardTopology, type WardSet } from '../../geo/wardSet.ts';
import {
  forgetDataset,
  forgetEverything,
  isStorageFull,
  type KeptPopulations,
  keepDataset,
  keepReplacedThemes,
  keepValue,
  keptDatasets,
  keptValue,
} from '../../state/persistence.ts';
import { loadedData } from '../../state/registry.ts';
import { useAppStore } from '../../state/store.ts';
import { keepViewWhile, whenKeptViewApplied } from '../../state/urlSync.ts';

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
  // Point data (data.police.uk, partner extracts) is placed in the wards shown.
  if (loadedData.wards) shareWards(loadedData.wards);
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
  let parsed: WorkerResult | null = null;
  let failure: unknown = null;
  try {
    parsed = await read.result;
  } catch (error) {
    failure = error;
  }
  // A newer read took this one's place (a file chosen while the demo was loading): drop it.
  if (currentRead !== read) return;
  currentRead = null;
  useAppStore.getState().setLoading(null);
  if (parsed === null) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    useAppStore.getState().setError(`${fileName} could not be read: ${reason}`);
    return;
  }
  applyParsedFile(parsed, synthetic);
}

/** Applies a read file; the report of the app's own demo file is not shown to users. */
export function applyParsedFile(parsed: WorkerResult, synthetic: boolean): void {
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
    case 'services':
      store.addReport(parsed.report);
      if (parsed.file.services.length === 0) {
        store.setError(
          `${parsed.report.fileName}: no service could be loaded, so the services shown are unchanged.`,
        );
        return;
      }
      store.setServices(parsed.file);
      return;
    case 'boundaries':
      // A user's ward boundary file (GeoJSON) replaces the wards; the Area picker follows.
      store.setWards(decodeWardTopology(parsed.topology));
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

/**
 * Boundaries and populations (the user's kept ones, else the app's own), then the datasets kept
 * from the last visit, or the demo offences that ship with the app when there are none.
 */
export async function loadAppData(): Promise<void> {
  const store = useAppStore.getState();
  try {
    // The three files are fetched while the browser reads what it kept; the manifest only says
    // whether there are populations.
    const folder = new URL(DATA_FOLDER_URL, document.baseURI);
    const [manifest, topology, populationText, users] = await Promise.all([
      fetchOk(new URL(MANIFEST_FILE, folder).href).then(
        (response) => response.json() as Promise<DataManifest>,
      ),
      fetchOk(new URL(WARDS_FILE, folder).href).then(
        (response) => response.json() as Promise<WardTopology>,
      ),
      fetch(new URL(POPULATION_FILE, folder).href).then((response) =>
        response.ok ? response.text() : null,
      ),
      keptBoundariesAndPopulations(),
      // The kept view names an area of the boundaries: apply it first.
      whenKeptViewApplied(),
    ]);
    appBoundaries = { topology, wards: null };
    if (manifest.population && populationText !== null) {
      // About 700 short rows: quicker here than a round trip to the worker.
      const { populations } = parsePopulationCsv(POPULATION_FILE, populationText);
      appPopulations = {
        populations,
        source: { name: manifest.population.source, year: manifest.population.year },
      };
    }
    store.setWards(users.boundaries ?? appWards());
    const populations = users.populations ?? appPopulations;
    if (populations) store.setPopulations(populations.populations, populations.source);
  } catch (error) {
    store.setError(
      `The ward boundaries could not be loaded (${error instanceof Error ? error.message : String(error)}). Run "npm run data" to build them.`,
    );
    return;
  }
  await restoreKeptServices();
  if (!(await restoreKeptDatasets())) await loadDemo();
  startKeeping();
}

/** Forgets every loaded file, user populations and boundaries, everything kept in the browser,
 * and shows the demo data again. */
export async function clearData(): Promise<void> {
  keeping = false;
  keepingGeneration += 1;
  keepViewWhile(false);
  const store = useAppStore.getState();
  store.clearDatasets();
  store.setServices(null);
  store.clearProposedServices();
  if (appBoundaries && loadedData.wards !== appBoundaries.wards) store.setWards(appWards());
  if (appPopulations && loadedData.populations !== appPopulations.populations)
    store.setPopulations(appPopulations.populations, appPopulations.source);
  kept.datasets.clear();
  kept.populations = null;
  kept.boundaries = null;
  kept.services = null;
  // Nothing kept, or no storage at all: either way there is nothing left to remove.
  await forgetEverything().catch(() => undefined);
  await loadDemo();
  resumeKeeping();
}

// ---- Keeping the user's data in the browser (IndexedDB) ----
// The app's own files are never kept: they ship with it. Every write is checked against what is
// kept, so that a change made while writes are paused is caught up on resumption.

/** The app's own boundaries and populations, which "Clear data" goes back to. */
let appBoundaries: { topology: WardTopology; wards: WardSet | null } | null = null;
let appPopulations: KeptPopulations | null = null;

function appWards(): WardSet {
  if (!appBoundaries) throw new Error("The app's boundaries are not loaded.");
  appBoundaries.wards ??= decodeWardTopology(appBoundaries.topology);
  return appBoundaries.wards;
}

/** What the browser holds: dataset ids with their replaced themes (null: could not be kept). */
const kept = {
  datasets: new Map<string, string | null>(),
  populations: null as ReadonlyMap<string, WardPopulation> | null,
  boundaries: null as WardSet | null,
  services: null as ServiceFile | null,
};
let keeping = false;
let keepingStarted = false;
/** Grows with each "Clear data": failures of writes from before it are not worth a note. */
let keepingGeneration = 0;

async function keptBoundariesAndPopulations(): Promise<{
  boundaries: WardSet | null;
  populations: KeptPopulations | null;
}> {
  const [boundaries, populations] = await Promise.all([
    keptValue('boundaries').catch(() => null),
    keptValue('populations').catch(() => null),
  ]);
  kept.boundaries = boundaries;
  kept.populations = populations?.populations ?? null;
  return { boundaries, populations };
}

async function restoreKeptServices(): Promise<void> {
  const services = await keptValue('services').catch(() => null);
  kept.services = services;
  if (services) useAppStore.getState().setServices(services);
}

/** Puts back the datasets kept from the last visit; false when there are none. */
async function restoreKeptDatasets(): Promise<boolean> {
  const datasets = await keptDatasets().catch(() => [] as Dataset[]);
  if (datasets.length === 0) return false;
  for (const dataset of datasets) kept.datasets.set(dataset.id, dataset.replacedThemes.join());
  useAppStore.getState().restoreDatasets(datasets);
  return true;
}

function startKeeping(): void {
  if (!keepingStarted) {
    keepingStarted = true;
    useAppStore.subscribe((state, previous) => {
      if (!keeping) return;
      if (state.datasets !== previous.datasets) keepDatasets();
      if (state.populationVersion !== previous.populationVersion) keepPopulations();
      if (state.wardsVersion !== previous.wardsVersion) keepBoundaries();
      if (state.servicesVersion !== previous.servicesVersion) keepServices();
      keepViewWhileUserDataKept();
    });
  }
  resumeKeeping();
}

function resumeKeeping(): void {
  keeping = true;
  keepDatasets();
  keepPopulations();
  keepBoundaries();
  keepServices();
  keepViewWhileUserDataKept();
}

function keepViewWhileUserDataKept(): void {
  keepViewWhile(
    kept.datasets.size > 0 ||
      kept.populations !== null ||
      kept.boundaries !== null ||
      kept.services !== null,
  );
}

/** The data stays loaded for the session when it cannot be kept; the user is told so. */
function noteIfNotKept(writing: Promise<void>, fileName: string, onFailure?: () => void): void {
  const generation = keepingGeneration;
  writing.catch((error: unknown) => {
    if (generation !== keepingGeneration) return;
    onFailure?.();
    useAppStore
      .getState()
      .setError(
        isStorageFull(error)
          ? `${fileName} is too large to keep in this browser; it will need loading again next time.`
          : `${fileName} could not be kept in this browser; it will need loading again next time.`,
      );
  });
}

function keepDatasets(): void {
  const userDatasets = loadedData.datasets.filter((dataset) => !dataset.synthetic);
  for (const id of [...kept.datasets.keys()]) {
    if (userDatasets.some((dataset) => dataset.id === id)) continue;
    kept.datasets.delete(id);
    forgetDataset(id).catch(() => undefined);
  }
  for (const dataset of userDatasets) {
    const replaced = dataset.replacedThemes.join();
    const state = kept.datasets.get(dataset.id);
    if (state === undefined) {
      kept.datasets.set(dataset.id, replaced);
      noteIfNotKept(keepDataset(dataset), dataset.fileName, () =>
        kept.datasets.set(dataset.id, null),
      );
    } else if (state !== null && state !== replaced) {
      kept.datasets.set(dataset.id, replaced);
      noteIfNotKept(keepReplacedThemes(dataset.id, dataset.replacedThemes), dataset.fileName);
    }
  }
}

function keepPopulations(): void {
  const populations = loadedData.populations;
  const source = useAppStore.getState().populationSource;
  const users =
    populations !== null && source !== null && populations !== appPopulations?.populations
      ? populations
      : null;
  if (users === kept.populations) return;
  kept.populations = users;
  if (users === null || source === null) keepValue('populations', null).catch(() => undefined);
  else noteIfNotKept(keepValue('populations', { populations: users, source }), source.name);
}

function keepBoundaries(): void {
  const wards = loadedData.wards;
  const users = wards !== null && wards !== appBoundaries?.wards ? wards : null;
  if (users === kept.boundaries) return;
  kept.boundaries = users;
  if (users === null) keepValue('boundaries', null).catch(() => undefined);
  else noteIfNotKept(keepValue('boundaries', users), 'The boundary file');
}

function keepServices(): void {
  const services = loadedData.services;
  if (services === kept.services) return;
  kept.services = services;
  if (services === null) keepValue('services', null).catch(() => undefined);
  else noteIfNotKept(keepValue('services', services), services.fileName);
}
