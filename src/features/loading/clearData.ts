/**
 * "Clear data": forgets every loaded file, the user's populations and boundaries and everything
 * kept in the browser, and shows the demo data again. Every tab of the app in this browser keeps
 * its data in the same storage, so the others are told and clear too, rather than go on saying
 * their files are kept.
 */
import { forgetAllDatasetArrays } from '../../formats/workerClient.ts';
import { forgetBaseMapSettings } from '../../state/baseMapKeeping.ts';
import { hearOtherTabs, tellOtherTabs } from '../../state/otherTabs.ts';
import { forgetEverything } from '../../state/persistence.ts';
import { useAppStore } from '../../state/store.ts';
import { loadDemo } from './loadFile.ts';

const CLEARED_IN_ANOTHER_TAB =
  'The data was cleared in another tab of this browser, so it is cleared here too: the demo data is shown.';
const CHANGED_IN_ANOTHER_TAB =
  'Another tab of this browser changed the data kept here: reload this page to see the same data.';

async function clearThisTab(): Promise<void> {
  const store = useAppStore.getState();
  // Nothing is written to the browser until the demo is back.
  store.setKeeping(false);
  // The browser's copy goes before the screen's: a reload as soon as the screen is clear must not
  // bring the data back. Nothing kept, or no storage at all: either way nothing is left to
  // remove. The worker first stops writing datasets, so that no file is held open meanwhile.
  await forgetAllDatasetArrays().catch(() => undefined);
  await forgetEverything().catch(() => undefined);
  store.clearDatasets();
  store.setServices(null);
  store.clearProposedServices();
  store.clearColumnMappings();
  store.setSavedViews([]);
  const { appData, wards, populations } = useAppStore.getState();
  if (appData && wards !== appData.wards) store.showAppWards();
  if (appData?.populations && populations !== appData.populations.populations)
    store.setPopulations(appData.populations.populations, appData.populations.source);
  forgetBaseMapSettings();
  await loadDemo();
  useAppStore.getState().setKeeping(true);
}

export async function clearData(): Promise<void> {
  await clearThisTab();
  tellOtherTabs('cleared');
}

/** Clears this tab when another clears the data, and says why; says so when another changes
 * the data kept. */
export function followOtherTabs(): void {
  hearOtherTabs((message) => {
    if (message === 'cleared')
      void clearThisTab().then(() => useAppStore.getState().setError(CLEARED_IN_ANOTHER_TAB));
    else useAppStore.getState().setError(CHANGED_IN_ANOTHER_TAB);
  });
}
