/**
 * The roles the "Match columns" step proposes for a header it does not know, from each column's
 * name and the values in its first rows: "Crime Reference" with unique values is the record id,
 * "Committed From Date" with dates is the date (from), "Easting" (or "Longitude") with values in
 * the hundreds of thousands is an easting. Each role goes to the column that fits it best; a
 * column that fits nothing well enough is not used. The user confirms or changes every proposal.
 */

import { parseLondonDateTime, parseTimeOfDay } from '../data/londonTime.ts';
import { type ThemeId, themeIdFromName, themeInfo } from '../data/themes.ts';
import { isOnGrid } from '../geo/britishNationalGrid.ts';
import { COLUMN_ROLES, type ColumnRole } from './columnMapping.ts';
import { parseFlag, parseVictimAge } from './recordValues.ts';

/** Words of a column name: "Committed_From-Date" -> "committed from date". */
function words(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const TO = /\b(to|end|until|latest|finish)\b/;
const DATE_WORD = /\b(date|datetime|dt|occurred|committed|when|day|dob)\b/;
const TIME_WORD = /\b(time|hour|hhmm)\b/;

/** How strongly a column's name suggests each role (0: not at all; 2: plainly). */
function nameScores(name: string): Partial<Record<ColumnRole, number>> {
  const text = words(name);
  const scores: Partial<Record<ColumnRole, number>> = {};
  const to = TO.test(text);
  if (
    /\b(id|urn|crn|ref|reference|crime (no|number)|case (no|number)|incident (no|number)|occurrence (no|number))\b/.test(
      text,
    )
  )
    scores.record_id = /\b(crime|offence|record|case|incident|occurrence)\b/.test(text) ? 2.5 : 2;
  if (TIME_WORD.test(text) && !/\bdate/.test(text)) scores[to ? 'to_time' : 'from_time'] = 2;
  else if (DATE_WORD.test(text) || /^(from|to|start|end|month|period)$/.test(text)) {
    if (!/\b(dob|birth)\b/.test(text)) scores[to ? 'to' : 'from'] = 2;
  }
  if (/\bward\b/.test(text) || /^wd\d\d(cd|nm)$/.test(text)) {
    if (/\b(code|cd|gss)\b/.test(text) || /cd$/.test(text)) scores.ward_code = 2.5;
    else scores.ward_name = 2;
  }
  if (/^(lon|long|longitude|lng|x)$/.test(text) || /\blongitude\b/.test(text)) {
    scores.longitude = 2;
    // British National Grid metres are often exported under these names.
    scores.easting = 1;
  }
  if (/^(lat|latitude|y)$/.test(text) || /\blatitude\b/.test(text)) {
    scores.latitude = 2;
    scores.northing = 1;
  }
  if (/\beast(ing)?s?\b|^(x|grid x|x coord|xcoord|x coordinate|map x)$/.test(text))
    scores.easting = 2;
  if (/\bnorth(ing)?s?\b|^(y|grid y|y coord|ycoord|y coordinate|map y)$/.test(text))
    scores.northing = 2;
  if (/\bage\b/.test(text)) scores.victim_age = /\bvictim|\bip\b|injured/.test(text) ? 2.5 : 2;
  if (/\bdomestic\b|\b(da|dv|dva)\b/.test(text)) scores.domestic_abuse = 2;
  if (/\bsexual\b|\b(sv|rape)\b/.test(text)) scores.sexual_violence = 2;
  if (
    /\b(offence|offense|crime type|crime category|classification|ho class|category|minor text|major text|description|type|crime)\b/.test(
      text,
    ) &&
    scores.record_id === undefined &&
    scores.from === undefined &&
    scores.to === undefined
  )
    scores.offence_type = /\b(type|category|class|classification|group|description)\b/.test(text)
      ? 2
      : 1.5;
  if (/^(count|number|total|offences|n|frequency|attendances|cases|incidents|value)$/.test(text))
    scores.count = 2;
  return scores;
}

function numberOf(value: string): number | null {
  const text = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Excel serials from 1960 to 2100: a plain number outside that is not taken for a date. */
function isDate(value: string): boolean {
  const number = numberOf(value);
  if (number !== null) return number >= 21_916 && number < 73_051;
  return parseLondonDateTime(value) !== null;
}

const ROLE_FITS: Partial<Record<ColumnRole, (value: string) => boolean>> = {
  from: isDate,
  to: isDate,
  from_time: (value) => parseTimeOfDay(value) !== null,
  to_time: (value) => parseTimeOfDay(value) !== null,
  ward_code: (value) => /^[ENSW]\d{8}$/i.test(value.trim()),
  ward_name: (value) => numberOf(value) === null,
  longitude: (value) => {
    const number = numberOf(value);
    return number !== null && Math.abs(number) <= 180;
  },
  latitude: (value) => {
    const number = numberOf(value);
    return number !== null && Math.abs(number) <= 90;
  },
  easting: (value) => {
    const number = numberOf(value);
    return number !== null && number > 1000 && isOnGrid(number, 0);
  },
  northing: (value) => {
    const number = numberOf(value);
    return number !== null && number > 1000 && isOnGrid(0, number);
  },
  victim_age: (value) => parseVictimAge(value) !== undefined,
  domestic_abuse: (value) => parseFlag(value) !== undefined,
  sexual_violence: (value) => parseFlag(value) !== undefined,
  offence_type: (value) => numberOf(value) === null && parseFlag(value) === undefined,
  count: (value) => /^\d+$/.test(value.trim()),
};

/** Share of a column's non-blank sample values that fit a role (flags count blanks as "no"). */
function valueFit(role: ColumnRole, values: readonly string[]): number {
  const test = ROLE_FITS[role];
  if (!test && role !== 'record_id') return 0;
  const counted =
    role === 'domestic_abuse' || role === 'sexual_violence'
      ? values
      : values.filter((value) => value.trim() !== '');
  if (counted.length === 0) return 0;
  // An id is one a row: the share of distinct values (a repeat or two is a data error).
  if (role === 'record_id') return new Set(counted).size / counted.length;
  return counted.filter((value) => test?.(value)).length / counted.length;
}

/** Roles told by values alone, whatever the column's name (a column of E05 codes). */
const VALUE_ONLY_SCORES: Partial<Record<ColumnRole, number>> = { ward_code: 1.8, from: 1.2 };
const ENOUGH_FIT = 0.8;
const ENOUGH_SCORE = 1;

/**
 * A role for each column of `header`, from its name and its values in `rows` (the first rows
 * of the file). Each role other than "ignore" goes to one column at most: the best fitting.
 */
export function proposeRoles(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): ColumnRole[] {
  const candidates: { column: number; role: ColumnRole; score: number }[] = [];
  header.forEach((name, column) => {
    const values = rows.map((row) => row[column] ?? '');
    const named = nameScores(name);
    for (const role of COLUMN_ROLES) {
      if (role === 'ignore') continue;
      const byName = named[role] ?? 0;
      const share = valueFit(role, values);
      let score = 0;
      if (byName > 0) score = share >= ENOUGH_FIT ? byName + share : byName * share * 0.5;
      else if (share >= ENOUGH_FIT) score = VALUE_ONLY_SCORES[role] ?? 0;
      if (score >= ENOUGH_SCORE) candidates.push({ column, role, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const roles: ColumnRole[] = header.map(() => 'ignore');
  const taken = new Set<ColumnRole>();
  const filled = new Set<number>();
  for (const { column, role } of candidates) {
    if (taken.has(role) || filled.has(column)) continue;
    roles[column] = role;
    taken.add(role);
    filled.add(column);
  }
  return roles;
}

const OFFENCE_THEME_RULES: [RegExp, ThemeId][] = [
  [
    /(knife|blade|bladed|sharp).*injur|injur.*(knife|blade|bladed|sharp)/,
    'knife_crime_with_injury',
  ],
  [/possession|possess|carrying|offensive weapon/, 'possession_of_weapons'],
  [/knife|blade|bladed|sharp instrument/, 'knife_crime'],
  [/robbery/, 'robbery'],
  [/rape|sexual/, 'sexual_violence'],
  [/domestic/, 'domestic_abuse'],
  [
    /\b(gbh|abh)\b|wounding|grievous|actual bodily|with injury|\bs\.? ?(18|20|47)\b/,
    'violence_with_injury',
  ],
];

/** "Robbery of personal property" -> robbery; a type no rule knows becomes a theme of its own
 * ("" when it has no letters or digits). */
export function proposeOffenceTheme(offenceType: string): ThemeId {
  const text = offenceType.toLowerCase();
  for (const [pattern, theme] of OFFENCE_THEME_RULES) if (pattern.test(text)) return theme;
  return themeIdFromName(offenceType);
}

/** The themes an offence type can be given, for the step's choices. */
export const OFFENCE_THEME_CHOICES: readonly { id: ThemeId; label: string }[] = [
  'violence_with_injury',
  'knife_crime_with_injury',
  'knife_crime',
  'robbery',
  'possession_of_weapons',
  'sexual_violence',
  'domestic_abuse',
  'youth_violence',
].map((id) => ({ id, label: themeInfo(id).label }));
