/**
 * Debian's Chromium driven by playwright-core, with WebGL through SwiftShader: shared by the
 * end-to-end tests and the benchmarks so both measure the same browser.
 */
import { execFileSync } from 'node:child_process';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
} from 'playwright-core';

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH).');
  }
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  // Chromium's own services (sign-in, autofill) look names up even with background networking
  // off: no name resolves, so nothing but 127.0.0.1 is ever asked.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS });
}

/** A browser with a profile on disk, whose storage behaves as a user's does (a context from
 * `launchChromium` keeps everything in memory). */
export function launchChromiumWithProfile(
  profileFolder: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileFolder, {
    ...options,
    executablePath: chromiumPath(),
    args: ARGS,
  });
}
