/**
 * The base map settings and file, kept in this browser: put back at start-up, written when they
 * change, loaded and removed on request, forgotten by "Clear data". The file's code (the PMTiles
 * reader) loads only when a file is loaded or was kept.
 */
import {
  type BaseMapFileInfo,
  type BaseMapSettings,
  DEFAULT_BASE_MAP,
} from '../data/baseMapSettings.ts';
import { keepValue, keptValue } from './persistence.ts';
import { useAppStore } from './store.ts';

/** What the browser holds; the store's settings are written when they differ from it. */
let kept: BaseMapSettings = DEFAULT_BASE_MAP;
let keeping = false;
/** The latest write, so that a newly loaded file is said to be kept only once it is. */
let writing: Promise<void> = Promise.resolve();

function keepChanges(): void {
  if (keeping) return;
  keeping = true;
  useAppStore.subscribe((state) => {
    if (state.baseMap === kept) return;
    kept = state.baseMap;
    writing = keepValue('baseMap', kept).catch(() => undefined);
  });
}

/** Puts back the settings of an earlier visit, if the file they name is still kept. */
export async function restoreBaseMap(): Promise<void> {
  const settings = await keptValue('baseMap').catch(() => null);
  let restored = settings;
  if (settings?.file) {
    const { keptBaseMapFile } = await import('../data/baseMapFile.ts');
    const file = await keptBaseMapFile(settings.file.id).catch(() => null);
    if (!file)
      restored = {
        ...settings,
        file: null,
        choice: settings.choice === 'file' ? 'none' : settings.choice,
      };
  }
  const store = useAppStore.getState();
  // A choice the user made while this was being read wins.
  if (restored && store.baseMap === DEFAULT_BASE_MAP) {
    kept = settings ?? DEFAULT_BASE_MAP;
    store.setBaseMap(restored);
  }
  keepChanges();
}

/**
 * Checks and keeps a PMTiles file, then shows it. Rejects with a message for the user when the
 * file is not a vector PMTiles archive or the browser has no room for it.
 */
export async function loadBaseMapFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<BaseMapFileInfo> {
  const { keepBaseMapFile } = await import('../data/baseMapFile.ts');
  try {
    const info = await keepBaseMapFile(file, onProgress);
    useAppStore.getState().setBaseMap({ choice: 'file', file: info });
    await writing;
    return info;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'QuotaExceededError')
      throw new Error(
        `This browser has no room left for ${file.name}: free some space, or use a smaller extract.`,
      );
    throw error;
  }
}

/** Removes the kept file; the map goes back to no base map if it showed it. */
export async function removeBaseMapFile(): Promise<void> {
  const { forgetBaseMapFiles } = await import('../data/baseMapFile.ts');
  const store = useAppStore.getState();
  store.setBaseMap({
    file: null,
    choice: store.baseMap.choice === 'file' ? 'none' : store.baseMap.choice,
  });
  await forgetBaseMapFiles();
}

/** For "Clear data", before the browser's storage is deleted: back to no base map, nothing kept. */
export function forgetBaseMapSettings(): void {
  kept = DEFAULT_BASE_MAP;
  useAppStore.setState({ baseMap: DEFAULT_BASE_MAP });
}
