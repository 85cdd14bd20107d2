/** The one place a file's format is told from its header row. */

import type { OffenceFormat } from './offenceFormat.ts';
import { OFFENCE_FORMATS } from './offenceFormats.ts';
import { isPopulationHeader } from './population.ts';
import { isServicesHeader } from './services.ts';

export type DetectedFormat =
  | { kind: 'offences'; format: OffenceFormat }
  | { kind: 'population' }
  | { kind: 'services' };

/** The format whose header this is (offence formats first, in order); null for none. */
export function detectFormat(header: readonly string[]): DetectedFormat | null {
  const format = OFFENCE_FORMATS.find((candidate) => candidate.matches(header));
  if (format) return { kind: 'offences', format };
  if (isPopulationHeader(header)) return { kind: 'population' };
  if (isServicesHeader(header)) return { kind: 'services' };
  return null;
}
