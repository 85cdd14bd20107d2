/**
 * The offence file formats the app reads, tried in order: the first whose header matches reads
 * the file. Each format lives in its own module beside this one.
 */
import { mpsKnifeCrimeFormat } from './mpsKnifeCrime.ts';
import { mpsVawgFormat } from './mpsVawg.ts';
import { mpsWardCrimeFormat } from './mpsWardCrime.ts';
import { nativeOffencesFormat } from './nativeOffences.ts';
import type { OffenceFormat } from './offenceFormat.ts';
import { partnerExtractFormat } from './partnerExtract.ts';
import { policeUkStreetFormat } from './policeUkStreet.ts';

export const OFFENCE_FORMATS: readonly OffenceFormat[] = [
  nativeOffencesFormat,
  mpsWardCrimeFormat,
  mpsVawgFormat,
  mpsKnifeCrimeFormat,
  policeUkStreetFormat,
  partnerExtractFormat,
];
