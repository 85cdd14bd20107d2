import { describe, expect, it } from 'vitest';
import { PointsBuilder, pointsInView } from './offencePoints.ts';
import { ALL_THEMES, themeInfo } from './themes.ts';

const JAN = 2025 * 12;
const FEB = JAN + 1;
const MAR = JAN + 2;

describe('PointsBuilder', () => {
  it('keeps every point through growth and trims to the count', () => {
    const builder = new PointsBuilder();
    expect(builder.build()).toBeNull();
    // 3,000 points: the arrays grow from 1,024 to 2,048 to 4,096 and are trimmed to 3,000.
    for (let point = 0; point < 3000; point += 1)
      builder.add(-0.2 + point / 1e6, 51.5, point % 3, JAN + (point % 2));
    const points = builder.build();
    expect(points?.longitude.length).toBe(3000);
    expect(points?.longitude[2999]).toBeCloseTo(-0.2 + 2999 / 1e6, 6);
    expect(points?.theme[2999]).toBe(2999 % 3);
    expect(points?.month[2998]).toBe(JAN);
    expect(points?.month[2999]).toBe(FEB);
  });
});

describe('pointsInView', () => {
  const builder = new PointsBuilder();
  builder.add(1, 10, 0, JAN); // robbery, January
  builder.add(2, 20, 1, FEB); // burglary, February
  builder.add(3, 30, 0, MAR); // robbery, March
  builder.add(4, 40, 2, FEB); // weapons, February
  const dataset = {
    themes: [
      themeInfo('robbery'),
      themeInfo('burglary', { group: 'other_recorded_crime' }),
      themeInfo('possession_of_weapons'),
    ],
    replacedThemes: [],
    points: builder.build(),
  };
  const withoutPoints = { themes: [themeInfo('robbery')], replacedThemes: [], points: null };

  it('picks the points of a theme and period, inclusive', () => {
    expect([...pointsInView([dataset, withoutPoints], 'robbery', JAN, FEB)]).toEqual([1, 10]);
    expect([...pointsInView([dataset], 'robbery', JAN, MAR)]).toEqual([1, 10, 3, 30]);
    expect([...pointsInView([dataset], 'burglary', MAR, MAR)]).toEqual([]);
  });

  it('takes the serious-violence themes for All serious violence, and leaves out replaced ones', () => {
    expect([...pointsInView([dataset], ALL_THEMES, FEB, MAR)]).toEqual([3, 30, 4, 40]);
    const replaced = { ...dataset, replacedThemes: ['robbery'] };
    expect([...pointsInView([replaced], ALL_THEMES, JAN, MAR)]).toEqual([4, 40]);
  });
});
