/** For the format tests: reads CSV text through the app's reading path and looks up one count. */

import { monthIndex } from '../../src/data/calendar.ts';
import { monthlyCount, type OffenceCube, UNKNOWN_TIME_SLOT } from '../../src/data/cube.ts';
import { readCsv } from '../../src/formats/readFile.ts';
import { createWardLocator } from '../../src/geo/wardLocator.ts';
import { WardLookup } from '../../src/geo/wardLookup.ts';
import { square } from './wards.ts';

/** A few real wards: three in Kensington and Chelsea, Heathrow Villages (Hillingdon), and one in
 * Westminster. */
export const TEST_WARDS = new WardLookup([
  { code: 'E05009396', name: 'Golborne', lad: 'E09000020' },
  { code: 'E05009395', name: "Earl's Court", lad: 'E09000020' },
  { code: 'E05009399', name: 'Notting Dale', lad: 'E09000020' },
  { code: 'E05013570', name: 'Heathrow Villages', lad: 'E09000017' },
  { code: 'E05013808', name: 'West End', lad: 'E09000033' },
]);

/** Golborne as a square around its real place (-0.21 to -0.20, 51.515 to 51.525), for offences
 * given as points. */
export const GOLBORNE_SQUARE = createWardLocator([
  { code: 'E05009396', geometry: square(-0.21, 51.515) },
]);

export async function readOffences(text: string) {
  const parsed = await readCsv(text, { fileName: 'test.csv', lookup: TEST_WARDS }).result;
  if (parsed.kind !== 'offences') throw new Error(`expected offences, got ${parsed.kind}`);
  return parsed;
}

/** The count of one theme, month (YYYY-MM), ward and time slot; 0 outside the cube. */
export function cellOf(
  cube: OffenceCube,
  theme: string,
  month: string,
  ward: string,
  slot: number,
): number {
  const themeIndex = cube.themes.indexOf(theme);
  const monthOffset = (monthIndex(month) as number) - cube.firstMonth;
  const wardIndex = cube.wardCodes.indexOf(ward);
  if (themeIndex < 0 || wardIndex < 0 || monthOffset < 0 || monthOffset >= cube.monthCount)
    return 0;
  return monthlyCount(cube, themeIndex, monthOffset, wardIndex, slot);
}

/** The count of one theme, month and ward with no known time. */
export function countOf(cube: OffenceCube, theme: string, month: string, ward: string): number {
  return cellOf(cube, theme, month, ward, UNKNOWN_TIME_SLOT);
}

/** Every time slot of one theme, month and ward, summed. */
export function totalOf(cube: OffenceCube, theme: string, month: string, ward: string): number {
  let sum = 0;
  for (let slot = 0; slot <= UNKNOWN_TIME_SLOT; slot += 1)
    sum += cellOf(cube, theme, month, ward, slot);
  return sum;
}
