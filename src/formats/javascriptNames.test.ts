/**
 * Words that are also JavaScript's own names ("constructor", "toString") are a file's words like
 * any other: never found in a lookup table as if they were entries of it.
 */
import { describe, expect, it } from 'vitest';
import { themeInfo } from '../data/themes.ts';
import { parseWeekday } from './nativeOffences.ts';
import { parseFlag } from './recordValues.ts';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe("JavaScript's own names in a file", () => {
  it('are not weekdays, flags or known themes', () => {
    for (const name of NAMES) {
      expect(parseWeekday(name), name).toBeUndefined();
      expect(parseFlag(name), name).toBeUndefined();
      // An unknown theme: labelled from its id, serious violence by default, no definition.
      expect(themeInfo(name), name).toEqual({
        id: name,
        label: name
          .replace(/_+/g, ' ')
          .trim()
          .replace(/^./, (first) => first.toUpperCase()),
        group: 'serious_violence',
        denominator: 'residents',
      });
    }
  });
});
