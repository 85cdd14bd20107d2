/**
 * The app's Content-Security-Policy, in one place: the build writes it into index.html as a
 * <meta> element (vite.config.ts) and the README gives the same policy as an HTTP header. The app
 * fetches only its own files, so every source is 'self'; a base map served from elsewhere would
 * add its origin to connect-src and img-src here.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The policy as a header or <meta> value: `directive source ...; ...`. */
export function policyText(policy: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}
