/**
 * The areas the dashboard can show: one London borough (local authority district, by its ONS
 * code) or all of London at once.
 */

/** The area shown first: the Royal Borough of Kensington and Chelsea. */
export const DEFAULT_AREA = 'E09000020';

/** Pseudo area code meaning "every ward in the file". */
export const ALL_LONDON_AREA = 'london';
export const ALL_LONDON_LABEL = 'All of London';

/** The 33 London local authorities: E09000001 (City of London) to E09000033 (Westminster). */
export const LONDON_LAD_CODES: readonly string[] = Array.from(
  { length: 33 },
  (_, index) => `E09${String(index + 1).padStart(6, '0')}`,
);
