/**
 * Publication mode: small counts can identify victims of domestic abuse and sexual offences, so
 * counts from 1 to the threshold are shown as "<N+1" and rates built on them are hidden. Zero is
 * shown: it identifies no one.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 4;

/** The suppression threshold publication mode applies, or null when it is off. */
export function suppressionFor(publication: boolean): number | null {
  return publication ? DEFAULT_SUPPRESSION_THRESHOLD : null;
}

export function isSuppressed(count: number, threshold: number | null): boolean {
  if (threshold === null) return false;
  const whole = Math.round(count);
  return whole >= 1 && whole <= threshold;
}

/** The text shown for a suppressed count: "<5" for the default threshold of 4. */
export function suppressedText(threshold: number): string {
  return `<${threshold + 1}`;
}
