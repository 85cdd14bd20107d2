/**
 * Cells of record-level tables as partners write them: yes/no flags and victim ages (a number of
 * years or a band such as "18-24"). Dates and times are read by `londonTime.ts`.
 */

/** Victims younger than this count as youth violence. */
export const YOUTH_AGE_LIMIT = 25;

const FLAG_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['t', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  // Access and some case systems write true as -1.
  ['-1', true],
  ['x', true],
  ['flagged', true],
  ['false', false],
  ['f', false],
  ['no', false],
  ['n', false],
  ['0', false],
  ['', false],
]);

/** The spellings a flag may take, for messages. */
export const FLAG_SPELLINGS = 'yes/no, y/n, true/false, t/f, 1/0 (blank is no)';

/** A yes/no cell; blank is no; undefined when unreadable. */
export function parseFlag(raw: string): boolean | undefined {
  return FLAG_VALUES.get(raw.trim().toLowerCase());
}

/** A victim's age: whether under 25, or null when not known or when a band spans 25. */
export interface VictimAge {
  youth: boolean | null;
  /** A band that spans 25 ("18-30"): youth cannot be told. */
  spansLimit: boolean;
}

const UNKNOWN_AGES = new Set(['unknown', 'not known', 'n/k', 'nk', 'not recorded', 'n/a', '-']);
const BAND = /^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})(?:\s*(?:years?|yrs?))?$/;
const UNDER = /^(?:under|<|less than|below)\s*(\d{1,3})$/;
const AND_OVER =
  /^(\d{1,3})\s*(?:\+|and over|or over|and above|or older|plus)$|^(?:over|>)\s*(\d{1,3})$/;

/**
 * An age in years (`17`, `17.5`) or a band (`18-24`, `18 to 24`, `under 18`, `65+`, `over 65`);
 * blank or "unknown" is a known unknown (youth null); undefined when unreadable.
 */
export function parseVictimAge(raw: string): VictimAge | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '' || UNKNOWN_AGES.has(text)) return { youth: null, spansLimit: false };
  if (/^\d{1,3}(\.\d+)?$/.test(text)) {
    const age = Number(text);
    return age < 130 ? { youth: age < YOUTH_AGE_LIMIT, spansLimit: false } : undefined;
  }
  const band = BAND.exec(text);
  if (band) {
    const low = Number(band[1]);
    const high = Number(band[2]);
    if (low > high || high >= 130) return undefined;
    // A band of whole years: "18-24" is 18 to 24 inclusive.
    if (high < YOUTH_AGE_LIMIT) return { youth: true, spansLimit: false };
    if (low >= YOUTH_AGE_LIMIT) return { youth: false, spansLimit: false };
    return { youth: null, spansLimit: true };
  }
  const under = UNDER.exec(text);
  if (under) {
    const limit = Number(under[1]);
    if (limit <= YOUTH_AGE_LIMIT) return { youth: true, spansLimit: false };
    return { youth: null, spansLimit: true };
  }
  const over = AND_OVER.exec(text);
  if (over) {
    // "65+" is 65 or older; "over 65" is older than 65.
    const lowest = over[1] !== undefined ? Number(over[1]) : Number(over[2]) + 1;
    if (lowest >= YOUTH_AGE_LIMIT) return { youth: false, spansLimit: false };
    return { youth: null, spansLimit: true };
  }
  return undefined;
}
