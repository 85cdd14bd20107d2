/**
 * "Clear data": forgets every loaded file, the user's populations and boundaries and everything
 * kept in the browser, and shows the demo data again.
 */
import { forgetAllDatasetArrays } from '../../formats/workerClient.ts';
import { forgetBaseMapSettings } from '../../state/baseMapKeeping.ts';
import { forgetEverything } from '../../state/persistence.ts';
import { useAppStore } from '../../state/store.ts';
import { loadDemo } from './loadFile.ts';

export async function clearData(): Promise<void> {
  const store = useAppStore.getState();
  // Nothing is written to the browser until the demo is back.
  store.setKeeping(false);
  store.clearDatasets();
  store.setServices(null);
  store.clearProposedServices();
  const { appData, wards, populations } = useAppStore.getState();
  if (appData && wards !== appData.wards) store.showAppWards();
  if (appData?.populations && populations !== appData.populations.populations)
    store.setPopulations(appData.populations.populations, appData.populations.source);
  forgetBaseMapSettings();
  // Nothing kept, or no storage at all: either way there is nothing left to remove. The worker
  // first stops writing datasets, so that no file is held open while everything goes.
  await forgetAllDatasetArrays().catch(() => undefined);
  await forgetEverything().catch(() => undefined);
  await loadDemo();
  useAppStore.getState().setKeeping(true);
}
