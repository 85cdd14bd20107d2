/**
 * What the one-page briefing says, as text: the view, the ten leading wards with their interval,
 * change and hot spot class, why the first five are there, the time-of-day grid, the sources and
 * their licences, when it was made, its protective marking and whether publication mode was
 * applied. The page (src/features/briefing/BriefingPage.tsx) only lays it out.
 */
import type { TimeFilter } from '../analysis/aggregate.ts';
import type { AreaFigures, Measure, WardFigure } from '../analysis/areaFigures.ts';
import { describePeriod, describeTime } from '../analysis/describeView.ts';
import {
  type ChangeDisplay,
  changeDisplay,
  countText,
  HIDDEN,
  HOTSPOT_SHORT_TEXT,
  hidden,
  intervalText,
  rankCell,
  rateText,
  type SuppressAt,
} from '../analysis/display.ts';
import { heatColour, textColourOn } from '../analysis/palette.ts';
import { comparisonText, rateUnit } from '../analysis/periods.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../analysis/suppression.ts';
import type { AreaStatistics } from '../analysis/wardStatistics.ts';
import { wardReasons, whyText } from '../analysis/whyStatements.ts';
import { monthKey, WEEKDAYS } from '../data/calendar.ts';
import { timeSlot } from '../data/cube.ts';
import { type DatasetSummary, partialNote, themeIndices, themeSources } from '../data/dataset.ts';
import { ALL_THEMES, DEDUPLICATED_ALL_THEME } from '../data/themes.ts';
import { MPS_KNIFE_CRIME_FORMAT } from '../formats/mpsKnifeCrime.ts';
import { MPS_VAWG_FORMAT } from '../formats/mpsVawg.ts';
import { MPS_WARD_CRIME_FORMAT } from '../formats/mpsWardCrime.ts';
import { POLICE_UK_FORMAT } from '../formats/policeUkStreet.ts';
import { wardsByRank } from './wardTableCsv.ts';

export const TOP_WARDS = 10;
/** The wards whose reasons the briefing spells out. */
export const WARDS_TO_LOOK_AT = 5;

/** Government Security Classifications (2018, as revised in 2023): the two a partnership uses
 * for ward-level crime figures. The user chooses; the briefing prints it at top and bottom. */
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];

export interface BriefingInputs {
  figures: AreaFigures;
  statistics: AreaStatistics | null;
  datasets: readonly DatasetSummary[];
  populationSource: { name: string; year: number | null } | null;
  view: { from: string | null; to: string | null; time: TimeFilter | null; measure: Measure };
  suppressAt: SuppressAt;
  generatedAt: Date;
  marking: ProtectiveMarking;
  /** A ward's name from its code (hot spot neighbours in the reasons). */
  nameOf(code: string): string;
}

export interface BriefingRow {
  code: string;
  rank: string;
  ward: string;
  count: string;
  rate: string;
  /** 95% interval of the figure ranked. */
  interval: string;
  change: ChangeDisplay | null;
  hotspot: string;
}

export interface HeatmapCell {
  text: string;
  background: string;
  colour: string;
}

export interface BriefingContent {
  area: string;
  theme: string;
  themeDefinition: string;
  /** Months, and the hours and days when a time filter is on. */
  period: string;
  measure: string;
  rateHeader: string;
  intervalHeader: string;
  changeHeader: string;
  topWards: BriefingRow[];
  /** "Golborne: 61 offences in …; …." for the first WARDS_TO_LOOK_AT wards. */
  reasons: string[];
  /** What ranks leave out: wards with no data, and suppressed wards in publication mode. */
  rankNote: string | null;
  marking: ProtectiveMarking;
  /** Whose hours the grid shows: the area, or the selected ward. */
  heatmapScope: string;
  /** Seven rows (Monday first) of 24 hours; null when the data has no times of day. */
  heatmap: { day: string; cells: HeatmapCell[] }[] | null;
  synthetic: boolean;
  sources: string[];
  generated: string;
  publication: string;
}

const OPEN_GOVERNMENT_FORMATS: readonly string[] = [
  MPS_KNIFE_CRIME_FORMAT,
  MPS_VAWG_FORMAT,
  MPS_WARD_CRIME_FORMAT,
  POLICE_UK_FORMAT,
];

export const ONS_LICENCE =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';
export const OS_COPYRIGHT = 'Contains OS data © Crown copyright and database right 2024.';
export const PUBLIC_SECTOR_LICENCE =
  'Contains public sector information licensed under the Open Government Licence v3.0.';

/** "12 March 2026 at 14:05 GMT": the time in London, whatever the computer's time zone. */
export function generatedText(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
    timeZoneName: 'short',
  }).format(date);
}

export function publicationText(suppressAt: SuppressAt): string {
  return suppressAt === null
    ? `Publication mode was not applied: counts of 1 to ${DEFAULT_SUPPRESSION_THRESHOLD} are shown. Check before sharing beyond the partnership.`
    : `Publication mode was applied: counts of 1 to ${suppressAt} are shown as “<${suppressAt + 1}”, and the rates and changes built on them are hidden.`;
}

function themeDefinition(figures: AreaFigures, datasets: readonly DatasetSummary[]): string {
  const { theme } = figures;
  if (theme.definition) return theme.definition;
  if (theme.id === ALL_THEMES) {
    const countedOnce = datasets.some((dataset) =>
      themeIndices(dataset, ALL_THEMES).some(
        (index) => dataset.themes[index]?.id === DEDUPLICATED_ALL_THEME,
      ),
    );
    return countedOnce
      ? 'The serious-violence themes together, each offence counted once.'
      : 'The serious-violence themes added together: an offence in two themes counts twice.';
  }
  return `Offences the source records as “${theme.label}”.`;
}

function sourceLines(inputs: BriefingInputs): string[] {
  const offences = themeSources(inputs.datasets, inputs.figures.theme.id);
  const lines = offences.map((dataset) =>
    dataset.synthetic
      ? 'Offences: synthetic demo data made by this project; not real offences.'
      : `Offences: ${dataset.fileName} (${dataset.format}, ${describePeriod(monthKey(dataset.firstMonth), monthKey(dataset.lastMonth))}${partialNote(dataset)}).`,
  );
  if (offences.length === 0) lines.push('Offences: none loaded.');
  if (offences.some((dataset) => OPEN_GOVERNMENT_FORMATS.includes(dataset.format)))
    lines.push(`Metropolitan Police and data.police.uk data: ${PUBLIC_SECTOR_LICENCE}`);
  const population = inputs.populationSource;
  lines.push(
    population
      ? `Residents: ${population.name}${population.year ? ` (${population.year})` : ''}.${/census/i.test(population.name) ? ` ${ONS_LICENCE}` : ''}`
      : 'Residents: none loaded; no rates.',
  );
  lines.push(
    `Ward boundaries: Office for National Statistics, Wards (May 2024) Boundaries UK BGC. ${ONS_LICENCE} ${OS_COPYRIGHT}`,
  );
  return lines;
}

export function briefingContent(inputs: BriefingInputs): BriefingContent {
  const { figures, statistics, view, suppressAt } = inputs;
  const manyBoroughs = new Set(figures.wards.map((ward) => ward.ladName)).size > 1;
  const year = inputs.populationSource?.year;
  const denominator = `${figures.denominator}${year ? ` (${year})` : ''}`;
  const time = describeTime(view.time);
  const comparison = statistics?.comparisons[0] ?? null;
  const heatmap = figures.heatmap;
  const period = [describePeriod(view.from, view.to), time].filter(Boolean).join(', ');
  const ranked = wardsByRank(figures.wards);
  const nameOf = (ward: WardFigure) => (manyBoroughs ? `${ward.name}, ${ward.ladName}` : ward.name);
  return {
    area: figures.area.name,
    theme: figures.theme.label,
    themeDefinition: themeDefinition(figures, inputs.datasets),
    period,
    measure:
      view.measure === 'rate'
        ? `Rate ${rateUnit(denominator, figures.rateMonths)}; wards ranked by rate`
        : 'Number of offences; wards ranked by count',
    rateHeader: `Rate ${figures.rateUnit}`,
    intervalHeader: `95% interval of the ${view.measure}`,
    changeHeader: comparison
      ? `Change ${comparisonText(comparison)}`
      : 'Change (no earlier period in the data)',
    topWards: ranked.slice(0, TOP_WARDS).map((ward) => {
      const wardStatistics = statistics?.wards.get(ward.code);
      const shown = ward.count !== null && !hidden(ward.count, suppressAt);
      return {
        code: ward.code,
        rank: rankCell(ward.rank, ward.rank !== null && figures.tiedRanks.has(ward.rank)),
        ward: nameOf(ward),
        count: countText(ward.count, suppressAt),
        rate: rateText(ward.count, ward.rate, suppressAt),
        interval: intervalText(
          wardStatistics?.interval ?? null,
          ward.count,
          view.measure,
          suppressAt,
        ),
        change: changeDisplay(wardStatistics?.changes[0] ?? null, suppressAt),
        hotspot: shown
          ? HOTSPOT_SHORT_TEXT[wardStatistics?.hotspot.hotspotClass ?? 'none']
          : HIDDEN,
      };
    }),
    reasons: ranked
      .filter((ward) => ward.rank !== null)
      .slice(0, WARDS_TO_LOOK_AT)
      .map((ward) =>
        whyText(
          nameOf(ward),
          wardReasons(
            {
              figures,
              area: statistics,
              period,
              measure: view.measure,
              suppressAt,
              nameOf: inputs.nameOf,
            },
            ward,
          ),
        ),
      ),
    rankNote: rankNote(figures),
    marking: inputs.marking,
    heatmapScope:
      heatmap.ward === null
        ? `Whole area: ${figures.area.name}`
        : `Ward: ${figures.wards.find((ward) => ward.code === heatmap.ward)?.name ?? heatmap.ward}`,
    heatmap: heatmap.timesKnown
      ? WEEKDAYS.map((day, weekday) => ({
          day,
          cells: Array.from({ length: 24 }, (_, hour) => {
            const value = heatmap.cells[timeSlot(weekday, hour)] ?? 0;
            const background = heatColour(value, heatmap.max);
            return {
              text: countText(Math.round(value), suppressAt),
              background,
              colour: textColourOn(background),
            };
          }),
        }))
      : null,
    synthetic: themeSources(inputs.datasets, figures.theme.id).some((dataset) => dataset.synthetic),
    sources: sourceLines(inputs),
    generated: generatedText(inputs.generatedAt),
    publication: publicationText(suppressAt),
  };
}

/** "Not ranked: 25 wards with no data; 3 wards with fewer than 5 offences (publication mode)." */
export function rankNote(figures: AreaFigures): string | null {
  const parts: string[] = [];
  const wards = (count: number) => `${count} ${count === 1 ? 'ward' : 'wards'}`;
  if (figures.noDataWards > 0)
    parts.push(`${wards(figures.noDataWards)} the loaded data does not cover`);
  if (figures.suppressedWards > 0)
    parts.push(`${wards(figures.suppressedWards)} whose counts publication mode hides`);
  return parts.length > 0 ? `Not ranked: ${parts.join('; ')}.` : null;
}
