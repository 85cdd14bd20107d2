/**
 * "Clear data": forgets every loaded file, the user's populations and boundaries and everything
 * kept in the browser, and shows the demo data again. Every tab of the app in this browser keeps
 * its data in the same storage, so the others are told and clear too, rather than go on saying
 * their files are kept.
 */
import { forgetAllDatasetArrays } from '../../formats/workerClient.ts';
import { forgetBaseMapSettings } from '../../state/baseMapKeeping.ts';
import { forgetEverything } from '../../state/persistence.ts';
import { useAppStore } from '../../state/store.ts';
import { loadDemo } from './loadFile.ts';

const CLEARED = 'cleared';
const CLEARED_IN_ANOTHER_TAB =
  'The data was cleared in another tab of this browser, so it is cleared here too: the demo data is shown.';

/** The app's tabs in this browser; null where the browser has no BroadcastChannel. One object,
 * as a channel hears the others of its name but not itself. */
let tabs: BroadcastChannel | null | undefined;
function otherTabs(): BroadcastChannel | null {
  tabs ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel('ward-dashboard') : null;
  return tabs;
}

async function clearThisTab(): Promise<void> {
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

export async function clearData(): Promise<void> {
  await clearThisTab();
  otherTabs()?.postMessage(CLEARED);
}

/** Clears this tab when another clears the data, and says why. */
export function followClearDataInOtherTabs(): void {
  const channel = otherTabs();
  if (!channel) return;
  channel.onmessage = (event: MessageEvent) => {
    if (event.data !== CLEARED) return;
    void clearThisTab().then(() => useAppStore.getState().setError(CLEARED_IN_ANOTHER_TAB));
  };
}
