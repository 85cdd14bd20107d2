/**
 * The app's other tabs in this browser, which keep their data in the same storage: what one tab
 * does to that storage, the others hear of (BroadcastChannel; nothing where the browser has none).
 */
export type TabMessage = 'cleared' | 'kept data changed';

/** One channel object: a channel hears the others of its name but not itself. */
let channel: BroadcastChannel | null | undefined;
function tabs(): BroadcastChannel | null {
  channel ??=
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('ward-dashboard') : null;
  return channel;
}

export function tellOtherTabs(message: TabMessage): void {
  tabs()?.postMessage(message);
}

/** Each listener hears every message (clearing, and keeping in step with what is kept). */
export function hearOtherTabs(listener: (message: TabMessage) => void): void {
  tabs()?.addEventListener('message', (event: MessageEvent) => listener(event.data as TabMessage));
}
