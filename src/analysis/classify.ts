/**
 * Class breaks for the choropleth. A classification is a list of thresholds: a value belongs to
 * class i when it is at least thresholds[i - 1] and below thresholds[i].
 */
export type ClassMethod = 'quantile' | 'natural-breaks' | 'equal-interval' | 'custom';

export const CLASS_METHOD_LABELS: Readonly<Record<ClassMethod, string>> = {
  quantile: 'Quantile',
  'natural-breaks': 'Natural breaks (Jenks)',
  'equal-interval': 'Equal interval',
  custom: 'Your own breaks',
};

export interface Classification {
  method: ClassMethod;
  thresholds: number[];
  /** Smallest and largest classified value. */
  min: number;
  max: number;
  /** How many values fall in each class. */
  classCounts: number[];
  /** True when every value was a whole number: thresholds are whole and classes read "a–b". */
  wholeNumbers: boolean;
}

/** Quantile of sorted values with linear interpolation (R type 7, as in d3 and numpy). */
export function quantile(sorted: readonly number[], probability: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

/** Rounds to two significant figures so that legend thresholds read cleanly. */
export function roundToSignificant(value: number, figures = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const scale = 10 ** (figures - 1 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

/** Index of the class of a value: the number of thresholds at or below it. */
export function classIndex(thresholds: readonly number[], value: number): number {
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((thresholds[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Optimal one-dimensional k-means ("natural breaks"): the grouping of sorted values into k runs
 * with the least total within-group sum of squares, by dynamic programming (Wang and Song 2011,
 * "Ckmeans.1d.dp"). O(k n²), which is instant for the few hundred wards of an area.
 * Returns the first value of each group after the first: the thresholds between groups.
 */
export function naturalBreaks(sorted: readonly number[], classes: number): number[] {
  const n = sorted.length;
  const k = Math.min(classes, new Set(sorted).size);
  if (k <= 1) return [];
  const prefix = new Float64Array(n + 1);
  const prefixSquares = new Float64Array(n + 1);
  sorted.forEach((value, index) => {
    prefix[index + 1] = (prefix[index] as number) + value;
    prefixSquares[index + 1] = (prefixSquares[index] as number) + value * value;
  });
  /** Sum of squared deviations of sorted[from..to] (inclusive) from their mean. */
  const cost = (from: number, to: number) => {
    const count = to - from + 1;
    const sum = (prefix[to + 1] as number) - (prefix[from] as number);
    return (
      (prefixSquares[to + 1] as number) - (prefixSquares[from] as number) - (sum * sum) / count
    );
  };
  // best[c][i]: least cost of sorted[0..i] in c + 1 groups; start[c][i]: where the last group begins.
  const best = Array.from({ length: k }, () => new Float64Array(n).fill(Number.POSITIVE_INFINITY));
  const start = Array.from({ length: k }, () => new Int32Array(n));
  for (let i = 0; i < n; i += 1) (best[0] as Float64Array)[i] = cost(0, i);
  for (let c = 1; c < k; c += 1) {
    const row = best[c] as Float64Array;
    const previous = best[c - 1] as Float64Array;
    for (let i = c; i < n; i += 1) {
      for (let j = c; j <= i; j += 1) {
        const total = (previous[j - 1] as number) + cost(j, i);
        if (total < (row[i] as number)) {
          row[i] = total;
          (start[c] as Int32Array)[i] = j;
        }
      }
    }
  }
  const thresholds: number[] = [];
  let end = n - 1;
  for (let c = k - 1; c >= 1; c -= 1) {
    const begin = (start[c] as Int32Array)[end] as number;
    thresholds.unshift(sorted[begin] as number);
    end = begin - 1;
  }
  return thresholds;
}

function rawThresholds(
  sorted: readonly number[],
  classes: number,
  method: ClassMethod,
  custom: readonly number[],
): number[] {
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  switch (method) {
    case 'quantile':
      return Array.from({ length: classes - 1 }, (_, index) =>
        quantile(sorted, (index + 1) / classes),
      );
    case 'equal-interval':
      return Array.from(
        { length: classes - 1 },
        (_, index) => min + ((max - min) * (index + 1)) / classes,
      );
    case 'natural-breaks':
      return naturalBreaks(sorted, classes);
    case 'custom':
      return [...custom].sort((a, b) => a - b);
  }
}

/**
 * Classes for the values. Thresholds are tidied for the legend (whole numbers for counts, two
 * significant figures for rates, except the user's own breaks, kept as given) and those that
 * would make empty classes are dropped.
 */
export function classify(
  values: readonly number[],
  classes: number,
  method: ClassMethod = 'quantile',
  customBreaks: readonly number[] = [],
): Classification {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const wholeNumbers =
    sorted.every(Number.isInteger) && (method !== 'custom' || customBreaks.every(Number.isInteger));
  const raw = rawThresholds(sorted, classes, method, customBreaks);
  // For whole numbers, v >= t is the same as v >= ceil(t); for rates, round for a legible legend.
  const tidy =
    method === 'custom'
      ? raw
      : raw.map((threshold) =>
          wholeNumbers ? Math.ceil(threshold) : roundToSignificant(threshold),
        );
  // A threshold at or below the minimum, or repeated, would make an empty class.
  const thresholds = [...new Set(tidy)].filter((threshold) => threshold > min && threshold <= max);
  const classCounts = new Array<number>(thresholds.length + 1).fill(0);
  for (const value of values) {
    const index = classIndex(thresholds, value);
    classCounts[index] = (classCounts[index] as number) + 1;
  }
  return { method, thresholds, min, max, classCounts, wholeNumbers };
}

/** Legend text of each class, e.g. "0–12", "13–25", "26–40" or "under 1.2", "1.2 to under 3.4". */
export function classLabels(
  classification: Classification,
  format: (value: number) => string,
): string[] {
  const { thresholds, min, max, wholeNumbers } = classification;
  const bounds = [min, ...thresholds];
  return bounds.map((lower, index) => {
    const upper = thresholds[index];
    if (wholeNumbers) {
      const top = upper === undefined ? max : upper - 1;
      return top === lower ? format(lower) : `${format(lower)}–${format(top)}`;
    }
    if (upper === undefined) return index === 0 ? format(lower) : `${format(lower)} or more`;
    return index === 0 ? `under ${format(upper)}` : `${format(lower)} to under ${format(upper)}`;
  });
}
