/**
 * The app's Content-Security-Policy, in one place: the build writes it into index.html as a
 * <meta> element (vite.config.ts) and the README gives the same policy as an HTTP header. The app
 * fetches only its own files, so every source is 'self', unless whoever hosts the app configured
 * an organisation's tile service when building it: then that one origin is added to the sources
 * the map fetches from (connect-src) and draws images from (img-src), and nothing else.
 */
export function contentSecurityPolicy(
  tileServiceOrigin: string | null,
): Readonly<Record<string, readonly string[]>> {
  const tiles = tileServiceOrigin ? [tileServiceOrigin] : [];
  return {
    'default-src': ["'self'"],
    // WebAssembly compiled from the app's own .wasm (SQLite, for GeoPackages); no eval of JS.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...tiles],
    'connect-src': ["'self'", ...tiles],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
}

/** The policy of a build without a tile service, as the README gives it. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);

/** The policy as a header or <meta> value: `directive source ...; ...`. */
export function policyText(policy: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}
