/**
 * Class breaks for the choropleth. A classification is a list of thresholds: a value belongs to
 * class i when it is at least thresholds[i - 1] and below thresholds[i].
 */
export type ClassMethod = 'quantile';

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

export function classify(
  values: readonly number[],
  classes: number,
  method: ClassMethod = 'quantile',
): Classification {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const wholeNumbers = sorted.every(Number.isInteger);
  const raw: number[] = [];
  for (let index = 1; index < classes; index += 1) raw.push(quantile(sorted, index / classes));
  // For whole numbers, v >= t is the same as v >= ceil(t); for rates, round for a legible legend.
  const tidy = raw.map((threshold) =>
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
