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

export function hearOtherTabs(listener: (message: TabMessage) => void): void {
  const heard = tabs();
  if (heard) heard.onmessage = (event: MessageEvent) => listener(event.data as TabMessage);
}
