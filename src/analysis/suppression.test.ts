import { describe, expect, it } from 'vitest';
import { isSuppressed, suppressedText } from './suppression.ts';

describe('small-number suppression', () => {
  it('hides counts from 1 to the threshold, never 0 or counts above it', () => {
    expect([0, 1, 2, 3, 4, 5, 12].map((count) => isSuppressed(count, 4))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(suppressedText(4)).toBe('<5');
  });

  it('judges spread counts by the whole offences they round to, and is off without a threshold', () => {
    // 0.4 rounds to 0 (shown), 4.4 to 4 (hidden), 4.6 to 5 (shown).
    expect([0.4, 4.4, 4.6].map((count) => isSuppressed(count, 4))).toEqual([false, true, false]);
    expect(isSuppressed(2, null)).toBe(false);
  });
});
