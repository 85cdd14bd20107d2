/**
 * A loaded file's offences: its cube, what each theme means, and where it came from. Several
 * datasets can be loaded together; a theme's figures are the sum over the datasets that carry it.
 */
import type { OffenceCube } from './cube.ts';
import { type LoadReport, type NotRead, notReadAmount } from './report.ts';
import {
  ALL_THEMES,
  ALL_THEMES_LABEL,
  DEDUPLICATED_ALL_THEME,
  type ThemeId,
  type ThemeInfo,
  themeInfo,
} from './themes.ts';

/** Individual offence locations, for the point-density layer (data.police.uk, partner extracts). */
export interface OffencePoints {
  longitude: Float32Array;
  latitude: Float32Array;
  /** Index into the dataset's themes; a point in two themes appears twice. */
  theme: Uint8Array;
  /** Absolute month index. */
  month: Uint16Array;
}

export interface Dataset {
  id: string;
  fileName: string;
  /** Name of the detected format. */
  format: string;
  /** Made by the project's demo script, not real offences. */
  synthetic: boolean;
  /** ISO date-time of loading. */
  loadedAt: string;
  cube: OffenceCube;
  /** One per cube theme, same order. */
  themes: ThemeInfo[];
  /** Themes a later file replaced: left out of every figure. */
  replacedThemes: ThemeId[];
  report: LoadReport;
  points: OffencePoints | null;
}

/** What the store keeps of a dataset: small enough to render lists and captions. */
export interface DatasetSummary {
  id: string;
  fileName: string;
  format: string;
  synthetic: boolean;
  themes: ThemeInfo[];
  replacedThemes: ThemeId[];
  firstMonth: number;
  lastMonth: number;
  hasTimes: boolean;
  hasPoints: boolean;
  /** What was not read when the user kept a load that was cancelled or stopped. */
  partial: NotRead | null;
}

export function summarise(dataset: Dataset): DatasetSummary {
  const { cube } = dataset;
  return {
    id: dataset.id,
    fileName: dataset.fileName,
    format: dataset.format,
    synthetic: dataset.synthetic,
    themes: dataset.themes,
    replacedThemes: dataset.replacedThemes,
    firstMonth: cube.firstMonth,
    lastMonth: cube.firstMonth + cube.monthCount - 1,
    hasTimes: cube.slotsPerWard > 1,
    hasPoints: dataset.points !== null,
    partial: dataset.report.notRead,
  };
}

/** "; partial: about 300 rows (12 kB) of the file not read", or nothing for a whole file. */
export function partialNote(dataset: Pick<DatasetSummary, 'partial'>): string {
  return dataset.partial ? `; partial: ${notReadAmount(dataset.partial)} of the file not read` : '';
}

/** A dataset's file name, marked when only part of the file was read. */
export function datasetName(dataset: Pick<DatasetSummary, 'fileName' | 'partial'>): string {
  return dataset.partial ? `${dataset.fileName} (partial)` : dataset.fileName;
}

/**
 * Cube themes of a dataset that make up a theme choice. "All serious violence" uses the file's
 * deduplicated total when it has one, so that an offence in two themes counts once; otherwise
 * every serious-violence theme.
 */
export function themeIndices(
  dataset: Pick<Dataset, 'themes' | 'replacedThemes'>,
  theme: ThemeId,
): number[] {
  const live = (index: number) =>
    !dataset.replacedThemes.includes((dataset.themes[index] as ThemeInfo).id);
  const ids = dataset.themes.map((info) => info.id);
  if (theme === ALL_THEMES) {
    const deduplicated = ids.indexOf(DEDUPLICATED_ALL_THEME);
    if (deduplicated >= 0 && live(deduplicated)) return [deduplicated];
    return dataset.themes
      .map((info, index) =>
        info.group === 'serious_violence' && info.id !== DEDUPLICATED_ALL_THEME ? index : -1,
      )
      .filter((index) => index >= 0 && live(index));
  }
  const index = ids.indexOf(theme);
  return index >= 0 && live(index) ? [index] : [];
}

/** Themes of `incoming` that existing datasets already carry for some of the same months. */
export function overlappingThemes(
  existing: readonly DatasetSummary[],
  incoming: DatasetSummary,
): ThemeId[] {
  const overlaps = new Set<ThemeId>();
  for (const dataset of existing) {
    if (dataset.lastMonth < incoming.firstMonth || dataset.firstMonth > incoming.lastMonth)
      continue;
    for (const info of incoming.themes) {
      const carried =
        dataset.themes.some((other) => other.id === info.id) &&
        !dataset.replacedThemes.includes(info.id);
      if (carried) overlaps.add(info.id);
    }
  }
  return [...overlaps];
}

/** How the loaded datasets describe a theme: the first that carries it wins. */
export function describeTheme(
  datasets: readonly Pick<DatasetSummary, 'themes'>[],
  theme: ThemeId,
): ThemeInfo {
  if (theme === ALL_THEMES) {
    return {
      id: ALL_THEMES,
      label: ALL_THEMES_LABEL,
      group: 'serious_violence',
      denominator: 'residents',
    };
  }
  for (const dataset of datasets) {
    const info = dataset.themes.find((candidate) => candidate.id === theme);
    if (info) return info;
  }
  return themeInfo(theme);
}

/** The datasets a theme's figures come from, for captions ("from file.csv, Jan 2024 to Dec 2025"). */
export function themeSources(
  datasets: readonly DatasetSummary[],
  theme: ThemeId,
): DatasetSummary[] {
  return datasets.filter((dataset) =>
    theme === ALL_THEMES
      ? dataset.themes.some(
          (info) => info.group === 'serious_violence' && !dataset.replacedThemes.includes(info.id),
        )
      : dataset.themes.some((info) => info.id === theme) && !dataset.replacedThemes.includes(theme),
  );
}
