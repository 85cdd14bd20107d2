import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, classifyHotspot, getisOrdGiStar, hotspots } from './hotspots.ts';
import { normalCdf } from './special.ts';

describe('Getis-Ord Gi*', () => {
  // Five wards in a row, values 1, 2, 3, 4, 10. n = 5, mean 4, sum of squares 130,
  // S = sqrt(130/5 - 16) = sqrt(10) = 3.162278.
  const values = [1, 2, 3, 4, 10];
  const path = [[1], [0, 2], [1, 3], [2, 4], [3]];

  it('computes z-scores by hand for a row of wards', () => {
    const z = getisOrdGiStar(values, path);
    // End ward (10): itself and its neighbour: local sum 14, weights 2:
    // (14 - 4 x 2) / (3.162278 x sqrt((5 x 2 - 4) / 4)) = 6 / 3.872983 = 1.549193.
    expect(z[4]).toBeCloseTo(1.549193, 5);
    // First ward (1): local sum 3: (3 - 8) / 3.872983 = -1.290994.
    expect(z[0]).toBeCloseTo(-1.290994, 5);
    // Middle ward (3), three in its neighbourhood: (9 - 12) / (3.162278 x sqrt((15 - 9) / 4)) = -0.774597.
    expect(z[2]).toBeCloseTo(-0.774597, 5);
  });

  it('gives no scores when every value is the same', () => {
    expect(getisOrdGiStar([3, 3, 3], [[1], [0, 2], [1]])).toEqual([null, null, null]);
  });

  it('finds a planted cluster of high wards as hot spots and the far corner cold', () => {
    // A 5 x 5 grid with queen neighbours; the 3 x 3 block in the top-left corner is high.
    const size = 5;
    const grid: number[] = [];
    const neighbours: number[][] = [];
    for (let row = 0; row < size; row += 1) {
      for (let column = 0; column < size; column += 1) {
        grid.push(row < 3 && column < 3 ? 50 : 5);
        const around: number[] = [];
        for (let dr = -1; dr <= 1; dr += 1) {
          for (let dc = -1; dc <= 1; dc += 1) {
            const r = row + dr;
            const c = column + dc;
            if ((dr !== 0 || dc !== 0) && r >= 0 && r < size && c >= 0 && c < size)
              around.push(r * size + c);
          }
        }
        neighbours.push(around);
      }
    }
    const results = hotspots(grid, neighbours);
    // The centre of the block (1, 1) sees nine high wards: the strongest hot spot.
    expect(results[6]?.hotspotClass).toBe('hot99');
    // Hot spots lie in the block or touch it (row and column at most 3); cold spots lie two or
    // more wards away from it (row or column 4); the block itself has no cold spot.
    results.forEach((result, index) => {
      const row = Math.floor(index / size);
      const column = index % size;
      if (result.hotspotClass.startsWith('hot')) expect(row <= 3 && column <= 3).toBe(true);
      if (result.hotspotClass.startsWith('cold')) expect(row === 4 || column === 4).toBe(true);
    });
    expect(
      results.filter((result) => result.hotspotClass.startsWith('cold')).length,
    ).toBeGreaterThan(0);
    // Every score's p-value is two-sided from the normal distribution.
    const z = results[6]?.z as number;
    expect(results[6]?.pValue).toBeCloseTo(2 * (1 - normalCdf(z)), 12);
  });
});

describe('false discovery rate', () => {
  it('matches R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02', () => {
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((expected, index) => {
      expect(adjusted[index]).toBeCloseTo(expected, 12);
    });
  });

  it('classifies by adjusted p-value and sign', () => {
    expect(classifyHotspot(3.1, 0.002)).toBe('hot99');
    expect(classifyHotspot(-2.2, 0.03)).toBe('cold95');
    expect(classifyHotspot(1.7, 0.09)).toBe('hot90');
    expect(classifyHotspot(1.7, 0.12)).toBe('none');
    expect(classifyHotspot(null, null)).toBe('none');
  });
});
