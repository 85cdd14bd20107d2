/**
 * Hot and cold spots: the Getis-Ord Gi* statistic (Getis and Ord 1992; Ord and Getis 1995) on
 * binary queen-contiguity weights with each ward its own neighbour, two-sided p-values from the
 * normal distribution, and the Benjamini-Hochberg false discovery rate correction over the wards
 * tested. Classes follow ArcGIS's Hot Spot Analysis: hot or cold at 99%, 95% or 90% confidence.
 */
import { normalCdf } from './special.ts';

export interface HotspotResult {
  /** Gi* z-score; null when the values do not vary (every z would be 0/0). */
  z: number | null;
  pValue: number | null;
  /** Benjamini-Hochberg adjusted p-value. */
  qValue: number | null;
  hotspotClass: HotspotClass;
}

export type HotspotClass = 'hot99' | 'hot95' | 'hot90' | 'none' | 'cold90' | 'cold95' | 'cold99';

export const HOTSPOT_CLASS_LABELS: Readonly<Record<HotspotClass, string>> = {
  hot99: 'Hot spot, 99% confidence',
  hot95: 'Hot spot, 95% confidence',
  hot90: 'Hot spot, 90% confidence',
  none: 'Not significant',
  cold90: 'Cold spot, 90% confidence',
  cold95: 'Cold spot, 95% confidence',
  cold99: 'Cold spot, 99% confidence',
};

/** Benjamini-Hochberg adjusted p-values (R's p.adjust(p, "BH")). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const n = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(n);
  let running = 1;
  for (let rank = n; rank >= 1; rank -= 1) {
    const entry = order[rank - 1] as { p: number; index: number };
    running = Math.min(running, (entry.p * n) / rank);
    adjusted[entry.index] = running;
  }
  return adjusted;
}

/** Gi* z-scores. `neighbours[i]` lists the indices of the values that touch value i. */
export function getisOrdGiStar(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
): (number | null)[] {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const spread = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0) / n - mean * mean);
  if (n < 2 || !(spread > 1e-12)) return values.map(() => null);
  return values.map((value, index) => {
    const around = [...new Set(neighbours[index] ?? [])].filter(
      (other) => other !== index && other >= 0 && other < n,
    );
    // Binary weights, self included: sum of weights = sum of squared weights = neighbours + 1.
    const weight = around.length + 1;
    const local = around.reduce((sum, other) => sum + (values[other] as number), value);
    const denominator = spread * Math.sqrt((n * weight - weight * weight) / (n - 1));
    return denominator > 0 ? (local - mean * weight) / denominator : null;
  });
}

export function classifyHotspot(z: number | null, qValue: number | null): HotspotClass {
  if (z === null || qValue === null) return 'none';
  const side = z > 0 ? 'hot' : 'cold';
  if (qValue < 0.01) return `${side}99`;
  if (qValue < 0.05) return `${side}95`;
  if (qValue < 0.1) return `${side}90`;
  return 'none';
}

export function hotspots(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
): HotspotResult[] {
  const scores = getisOrdGiStar(values, neighbours);
  const pValues = scores.map((z) => (z === null ? 1 : 2 * (1 - normalCdf(Math.abs(z)))));
  const qValues = benjaminiHochberg(pValues);
  return scores.map((z, index) => {
    const qValue = z === null ? null : (qValues[index] as number);
    return {
      z,
      pValue: z === null ? null : (pValues[index] as number),
      qValue,
      hotspotClass: classifyHotspot(z, qValue),
    };
  });
}
