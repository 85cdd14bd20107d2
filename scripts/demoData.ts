/**
 * Deterministic synthetic demo data: aggregated serious-violence offences for the 18 wards of the
 * Royal Borough of Kensington and Chelsea, in the native aggregated offence CSV v1.
 *
 * The generator simulates individual offences, each with theme flags (an offence can be both
 * domestic abuse and sexual violence, or sexual violence against a victim under 25, and so on),
 * a ward, a month and a time of week. It then aggregates them per theme, and also once per offence
 * under `all_serious_violence`, so that "All serious violence" does not double count the overlap.
 *
 * The numbers are invented. Only their shape follows published patterns: the scale of RBKC
 * recorded violence, the north Kensington wards leading, violence peaking after school, in the
 * evening and around midnight, domestic abuse heavier in the evening and at weekends, a mild
 * summer peak and a slight downward trend.
 *
 * Pure module: no Node APIs, so it runs in tests and in the CLI (`scripts/demo-data.ts`) alike.
 */
import { monthIndex, monthKey, WEEKDAYS } from '../src/data/calendar.ts';
import { DEDUPLICATED_ALL_THEME } from '../src/data/themes.ts';

export const DEMO_AREA_NAME = 'Kensington and Chelsea';

export interface DemoWard {
  code: string;
  name: string;
  /** Census 2021 usual residents (approximate weights only). */
  residents: number;
  /** Census 2021 residents aged 10-24 (approximate weights only). */
  aged10to24: number;
  /** Relative risk of violence per resident; 1 is about the borough average. */
  risk: number;
  /** Theme-specific adjustments on top of `risk`. */
  youth?: number;
  domestic?: number;
  sexual?: number;
}

/**
 * RBKC's 18 wards. These codes were created for the May 2014 elections and were unchanged in the
 * May 2022 review (WD14CD = WD22CD = WD24CD). Populations are Census 2021 (ONS, OGL v3), used
 * here only to weight the synthetic counts so that rates per resident differ from counts.
 *
 * The five north Kensington / Earl's Court wards (Golborne, Dalgarno, Colville, Notting Dale,
 * Earl's Court) are given about twice the rate of any other ward so that they lead every theme;
 * the affluent wards (Campden, Holland, Queen's Gate, Royal Hospital) are lowest.
 */
export const RBKC_WARDS: readonly DemoWard[] = [
  { code: 'E05009388', name: 'Abingdon', residents: 7894, aged10to24: 1295, risk: 0.75 },
  {
    code: 'E05009389',
    name: 'Brompton & Hans Town',
    residents: 7788,
    aged10to24: 1311,
    risk: 0.95,
    sexual: 1.1,
    domestic: 0.8,
  },
  { code: 'E05009390', name: 'Campden', residents: 8624, aged10to24: 1493, risk: 0.45 },
  {
    code: 'E05009391',
    name: 'Chelsea Riverside',
    residents: 7633,
    aged10to24: 1208,
    risk: 1.05,
    youth: 1.2,
  },
  {
    code: 'E05009392',
    name: 'Colville',
    residents: 8574,
    aged10to24: 1216,
    risk: 2.2,
    youth: 1.45,
  },
  { code: 'E05009393', name: 'Courtfield', residents: 8332, aged10to24: 1626, risk: 0.75 },
  { code: 'E05009394', name: 'Dalgarno', residents: 7212, aged10to24: 1407, risk: 2.7 },
  {
    code: 'E05009395',
    name: "Earl's Court",
    residents: 8937,
    aged10to24: 1782,
    risk: 2.1,
    sexual: 1.25,
  },
  { code: 'E05009396', name: 'Golborne', residents: 8803, aged10to24: 1913, risk: 2.5 },
  { code: 'E05009397', name: 'Holland', residents: 9102, aged10to24: 1684, risk: 0.45 },
  { code: 'E05009398', name: 'Norland', residents: 5701, aged10to24: 795, risk: 0.7 },
  { code: 'E05009399', name: 'Notting Dale', residents: 9139, aged10to24: 2008, risk: 2.2 },
  { code: 'E05009400', name: 'Pembridge', residents: 5379, aged10to24: 779, risk: 0.8 },
  { code: 'E05009401', name: "Queen's Gate", residents: 7903, aged10to24: 1700, risk: 0.45 },
  { code: 'E05009402', name: 'Redcliffe', residents: 9194, aged10to24: 1741, risk: 0.65 },
  { code: 'E05009403', name: 'Royal Hospital', residents: 8417, aged10to24: 1159, risk: 0.45 },
  { code: 'E05009404', name: "St. Helen's", residents: 6158, aged10to24: 866, risk: 0.95 },
  { code: 'E05009405', name: 'Stanley', residents: 8581, aged10to24: 1390, risk: 1.0 },
];

export const DEMO_THEMES = ['youth_violence', 'domestic_abuse', 'sexual_violence'] as const;
export const DEMO_ALL_THEME = DEDUPLICATED_ALL_THEME;

export const NATIVE_CSV_HEADER = 'ward_code,theme,month,weekday,hour,count';

export interface DemoRow {
  wardCode: string;
  theme: string;
  /** YYYY-MM */
  month: string;
  /** Mon..Sun, or null when the time is unknown. */
  weekday: (typeof WEEKDAYS)[number] | null;
  /** 0-23, or null when the time is unknown. */
  hour: number | null;
  /** Whole number ≥ 1. */
  count: number;
}

export interface DemoOptions {
  /** PRNG seed; the same seed always gives the same rows. */
  seed?: number;
  /** First month, YYYY-MM. */
  startMonth?: string;
  /** Number of months. */
  months?: number;
  /** Multiplies every expected count (1 = realistic RBKC scale). */
  scale?: number;
}

export const DEFAULT_SEED = 20_140_522; // 22 May 2014, when the RBKC wards came into use
export const DEFAULT_START_MONTH = '2023-10';
export const DEFAULT_MONTHS = 36;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson variate by Knuth's product method (the means here are all small). */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
}

/**
 * Offence streams. Every simulated offence belongs to exactly one stream, which fixes its time
 * profile; theme flags are then drawn per offence, so the themes overlap:
 * - `domestic`: domestic abuse that is not a sexual offence; some victims are under 25.
 * - `sexual`: sexual offences; some are domestic, some have a victim under 25, a few are both.
 * - `youth`: non-domestic, non-sexual violence with a victim under 25.
 */
type Stream = 'domestic' | 'sexual' | 'youth';
const STREAMS: readonly Stream[] = ['domestic', 'sexual', 'youth'];

interface StreamSpec {
  /** Expected offences a year across RBKC at the start of the period, before seasonality. */
  perYear: number;
  /** Amplitude of the seasonal cycle (peak in July). */
  season: number;
  /** Probability that the time of the offence is not known. */
  unknownTime: number;
  /** Probability of each extra theme flag. */
  alsoYouth: number;
  alsoDomestic: number;
}

const STREAM_SPECS: Readonly<Record<Stream, StreamSpec>> = {
  domestic: { perYear: 960, season: 0.08, unknownTime: 0.05, alsoYouth: 0.12, alsoDomestic: 1 },
  sexual: { perYear: 360, season: 0.1, unknownTime: 0.06, alsoYouth: 0.38, alsoDomestic: 0.22 },
  youth: { perYear: 560, season: 0.14, unknownTime: 0.04, alsoYouth: 1, alsoDomestic: 0 },
};

/** Relative fall per year (a slight downward trend). */
const TREND_PER_YEAR = 0.035;

/**
 * Hour-of-day shape of violence generally: low 04:00-08:00, rising through the day, peaks
 * 15:00-16:59 (after school), 18:00-20:59 and 23:00-00:59.
 */
const VIOLENCE_HOURS = [
  1.3, 1.0, 0.8, 0.6, 0.35, 0.25, 0.25, 0.35, 0.55, 0.6, 0.65, 0.75, 0.85, 0.85, 0.9, 1.25, 1.25,
  1.05, 1.3, 1.35, 1.3, 1.1, 1.05, 1.3,
];
/** Domestic abuse: heavier in the evening and late evening. */
const DOMESTIC_HOURS = [
  1.25, 1.0, 0.8, 0.6, 0.4, 0.3, 0.3, 0.45, 0.6, 0.65, 0.7, 0.75, 0.8, 0.8, 0.85, 1.05, 1.1, 1.2,
  1.45, 1.6, 1.65, 1.6, 1.5, 1.45,
];
/** Sexual offences: heaviest late at night (night-time economy). */
const SEXUAL_HOURS = [
  1.6, 1.5, 1.2, 0.9, 0.55, 0.35, 0.3, 0.35, 0.5, 0.6, 0.65, 0.7, 0.8, 0.8, 0.85, 1.05, 1.05, 1.0,
  1.1, 1.15, 1.2, 1.25, 1.3, 1.5,
];

/** Weight of one hour of the week (weekday 0 = Monday) for a stream. */
function slotWeight(stream: Stream, weekday: number, hour: number, schoolTerm: boolean): number {
  const weekend = weekday >= 5;
  // Early hours of Saturday and Sunday are Friday and Saturday nights out.
  const weekendNight = (weekday === 5 || weekday === 6) && hour <= 3;
  const fridaySaturdayEvening = (weekday === 4 || weekday === 5) && hour >= 21;
  switch (stream) {
    case 'youth': {
      let w = VIOLENCE_HOURS[hour] ?? 0;
      if (!weekend) {
        if (hour >= 9 && hour <= 14) w *= 0.8; // in school
        if (schoolTerm && (hour === 15 || hour === 16)) w += 1.1; // after school
        if (schoolTerm && hour === 17) w += 0.3;
      } else if (hour >= 12 && hour <= 20) {
        w *= 1.15;
      }
      if (weekendNight) w *= 1.4;
      if (fridaySaturdayEvening) w *= 1.3;
      return w;
    }
    case 'domestic': {
      let w = DOMESTIC_HOURS[hour] ?? 0;
      if (weekday === 4 && hour >= 18) w *= 1.35; // Friday evening
      if (weekday === 5) w *= hour >= 18 ? 1.6 : 1.15; // Saturday
      if (weekday === 6) w *= hour >= 17 ? 1.45 : 1.2; // Sunday
      if (weekendNight) w *= 1.5;
      if (weekday === 0 && hour <= 3) w *= 1.2; // Sunday night
      return w;
    }
    case 'sexual': {
      let w = SEXUAL_HOURS[hour] ?? 0;
      if (weekday === 5 || weekday === 6) {
        if (hour <= 4) w *= 1.8;
      }
      if (fridaySaturdayEvening) w *= 1.4;
      return w;
    }
  }
}

/** Expected share of a stream's offences in each ward: population × risk × theme adjustment. */
function wardWeights(stream: Stream, wards: readonly DemoWard[]): number[] {
  const raw = wards.map((ward) => {
    if (stream === 'youth') return ward.aged10to24 * ward.risk * (ward.youth ?? 1);
    const adjustment = stream === 'domestic' ? ward.domestic : ward.sexual;
    return ward.residents * ward.risk * (adjustment ?? 1);
  });
  const total = raw.reduce((sum, w) => sum + w, 0);
  return raw.map((w) => w / total);
}

/** Seasonal factor for a calendar month (0 = January): peak in July, low in January. */
function seasonal(calendarMonth: number, amplitude: number, stream: Stream): number {
  let factor = 1 + amplitude * Math.cos((2 * Math.PI * (calendarMonth - 6)) / 12);
  if (stream === 'domestic' && calendarMonth === 11) factor *= 1.08; // Christmas
  return factor;
}

/** Days of each weekday (Mon = 0) in a month, and the number of days. */
function weekdaysInMonth(index: number): { perWeekday: number[]; days: number } {
  const year = Math.floor(index / 12);
  const month = index % 12;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const perWeekday = [0, 0, 0, 0, 0, 0, 0];
  for (let day = 1; day <= days; day += 1) {
    const weekday = (new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7;
    perWeekday[weekday] = (perWeekday[weekday] ?? 0) + 1;
  }
  return { perWeekday, days };
}

/** Cumulative weights over the 168 hours of the week for one stream in one month. */
function slotCumulative(stream: Stream, perWeekday: readonly number[], schoolTerm: boolean) {
  const cumulative = new Float64Array(168);
  let total = 0;
  for (let weekday = 0; weekday < 7; weekday += 1) {
    for (let hour = 0; hour < 24; hour += 1) {
      total += (perWeekday[weekday] ?? 0) * slotWeight(stream, weekday, hour, schoolTerm);
      cumulative[weekday * 24 + hour] = total;
    }
  }
  return cumulative;
}

function drawSlot(random: () => number, cumulative: Float64Array): number {
  const target = random() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

const UNKNOWN_SLOT = 168;
const THEME_ORDER = [DEMO_ALL_THEME, ...DEMO_THEMES].sort();

/**
 * Generates the synthetic rows: aggregated per ward × theme × month × time slot, zero rows
 * omitted, sorted by ward code, theme, month, weekday (Mon..Sun), hour, with unknown times last.
 */
export function generateDemoOffences(options: DemoOptions = {}): DemoRow[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const startMonth = options.startMonth ?? DEFAULT_START_MONTH;
  const months = options.months ?? DEFAULT_MONTHS;
  const scale = options.scale ?? 1;
  const start = monthIndex(startMonth);
  if (start === null) throw new Error(`startMonth is not YYYY-MM: "${startMonth}"`);
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be ≥ 1: ${months}`);

  const random = mulberry32(seed);
  const wards = RBKC_WARDS;
  const weights = new Map(STREAMS.map((stream) => [stream, wardWeights(stream, wards)]));

  // counts[ward][themeOrder][month][slot]
  const slotsPerMonth = UNKNOWN_SLOT + 1;
  const counts = wards.map(() => THEME_ORDER.map(() => new Uint32Array(months * slotsPerMonth)));
  const themeIndex = new Map(THEME_ORDER.map((theme, i) => [theme, i]));
  const allIndex = themeIndex.get(DEMO_ALL_THEME) ?? 0;
  const youthIndex = themeIndex.get('youth_violence') ?? 0;
  const domesticIndex = themeIndex.get('domestic_abuse') ?? 0;
  const sexualIndex = themeIndex.get('sexual_violence') ?? 0;

  for (let m = 0; m < months; m += 1) {
    const index = start + m;
    const calendarMonth = index % 12;
    const schoolTerm = calendarMonth !== 7; // no after-school peak in August
    const { perWeekday, days } = weekdaysInMonth(index);
    const trend = (1 - TREND_PER_YEAR) ** (m / 12);

    for (const stream of STREAMS) {
      const spec = STREAM_SPECS[stream];
      const cumulative = slotCumulative(stream, perWeekday, schoolTerm);
      const monthMean =
        ((spec.perYear * days) / 365.25) *
        seasonal(calendarMonth, spec.season, stream) *
        trend *
        scale;
      const streamWeights = weights.get(stream) ?? [];

      wards.forEach((_, w) => {
        const n = poisson(random, monthMean * (streamWeights[w] ?? 0));
        const wardCounts = counts[w];
        if (!wardCounts) return;
        for (let k = 0; k < n; k += 1) {
          const slot = random() < spec.unknownTime ? UNKNOWN_SLOT : drawSlot(random, cumulative);
          const youth = stream === 'youth' || random() < spec.alsoYouth;
          const domestic = stream === 'domestic' || random() < spec.alsoDomestic;
          const sexual = stream === 'sexual';
          const cell = m * slotsPerMonth + slot;
          const bump = (theme: number) => {
            const arr = wardCounts[theme];
            if (arr) arr[cell] = (arr[cell] ?? 0) + 1;
          };
          bump(allIndex);
          if (youth) bump(youthIndex);
          if (domestic) bump(domesticIndex);
          if (sexual) bump(sexualIndex);
        }
      });
    }
  }

  // Emit in sorted order: wards are already in code order, themes in THEME_ORDER (sorted).
  const order = wards
    .map((ward, w) => ({ ward, w }))
    .sort((a, b) => compare(a.ward.code, b.ward.code));
  const rows: DemoRow[] = [];
  for (const { ward, w } of order) {
    THEME_ORDER.forEach((theme, t) => {
      const arr = counts[w]?.[t];
      if (!arr) return;
      for (let m = 0; m < months; m += 1) {
        const month = monthKey(start + m);
        for (let slot = 0; slot < slotsPerMonth; slot += 1) {
          const count = arr[m * slotsPerMonth + slot] ?? 0;
          if (count === 0) continue;
          const known = slot !== UNKNOWN_SLOT;
          rows.push({
            wardCode: ward.code,
            theme,
            month,
            weekday: known ? (WEEKDAYS[Math.floor(slot / 24)] ?? null) : null,
            hour: known ? slot % 24 : null,
            count,
          });
        }
      }
    });
  }
  return rows;
}

/** Locale-independent string order. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows as native aggregated offence CSV v1, LF line endings, with a final newline. */
export function formatNativeCsv(rows: readonly DemoRow[]): string {
  const lines = [NATIVE_CSV_HEADER];
  for (const row of rows) {
    lines.push(
      `${row.wardCode},${row.theme},${row.month},${row.weekday ?? ''},${row.hour ?? ''},${row.count}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface DemoSummary {
  /** Total count per theme. */
  byTheme: Map<string, number>;
  /** Total count per theme and ward code. */
  byThemeWard: Map<string, Map<string, number>>;
  /** Count with unknown time per theme. */
  unknownByTheme: Map<string, number>;
}

/** Totals of the rows, optionally only for months in [fromMonth, toMonth] (YYYY-MM, inclusive). */
export function summariseDemoRows(
  rows: readonly DemoRow[],
  fromMonth = '0000-01',
  toMonth = '9999-12',
): DemoSummary {
  const byTheme = new Map<string, number>();
  const byThemeWard = new Map<string, Map<string, number>>();
  const unknownByTheme = new Map<string, number>();
  for (const row of rows) {
    if (row.month < fromMonth || row.month > toMonth) continue;
    byTheme.set(row.theme, (byTheme.get(row.theme) ?? 0) + row.count);
    let wards = byThemeWard.get(row.theme);
    if (!wards) {
      wards = new Map();
      byThemeWard.set(row.theme, wards);
    }
    wards.set(row.wardCode, (wards.get(row.wardCode) ?? 0) + row.count);
    if (row.weekday === null) {
      unknownByTheme.set(row.theme, (unknownByTheme.get(row.theme) ?? 0) + row.count);
    }
  }
  return { byTheme, byThemeWard, unknownByTheme };
}
