/** A theme is an offence category the dashboard maps; ids are snake_case as in the data files. */
export type ThemeId = string;

/** The pseudo-theme that combines the serious-violence themes. */
export const ALL_THEMES = 'all';
export const ALL_THEMES_LABEL = 'All serious violence';

/**
 * A file may carry this theme to give "All serious violence" with offences counted once even when
 * they fall in two themes; without it the combined figure is the sum of the themes.
 */
export const DEDUPLICATED_ALL_THEME = 'all_serious_violence';

/** Serious-violence themes make up "All serious violence"; other recorded crime is offered apart. */
export type ThemeGroup = 'serious_violence' | 'other_recorded_crime';
export const OTHER_RECORDED_CRIME_LABEL = 'Other recorded crime';

export interface ThemeInfo {
  id: ThemeId;
  label: string;
  group: ThemeGroup;
  /** Whose number the rate divides by: all residents, or residents aged 10-24. */
  denominator: 'residents' | 'residents_10_24';
  /** What is counted, where the label alone could mislead. */
  definition?: string;
}

/** A Map, so that a file's word such as "constructor" or "__proto__" is never found in it. */
const KNOWN_THEMES: ReadonlyMap<string, Omit<ThemeInfo, 'id'>> = new Map(
  Object.entries({
    youth_violence: {
      label: 'Youth violence (under 25)',
      group: 'serious_violence',
      denominator: 'residents_10_24',
      definition: 'Offences against victims under 25.',
    },
    domestic_abuse: {
      label: 'Domestic abuse',
      group: 'serious_violence',
      denominator: 'residents',
    },
    sexual_violence: {
      label: 'Sexual violence',
      group: 'serious_violence',
      denominator: 'residents',
    },
    vawg: {
      label: 'Violence against women and girls (MPS flag)',
      group: 'serious_violence',
      denominator: 'residents',
      definition:
        'Offences the Metropolitan Police flag as VAWG: domestic abuse, rape and other sexual offences, stalking, harassment and more.',
    },
    knife_crime: { label: 'Knife crime', group: 'serious_violence', denominator: 'residents' },
    knife_crime_with_injury: {
      label: 'Knife crime with injury',
      group: 'serious_violence',
      denominator: 'residents',
    },
    violence_with_injury: {
      label: 'Violence with injury',
      group: 'serious_violence',
      denominator: 'residents',
    },
    robbery: { label: 'Robbery', group: 'serious_violence', denominator: 'residents' },
    possession_of_weapons: {
      label: 'Possession of weapons',
      group: 'serious_violence',
      denominator: 'residents',
    },
    [DEDUPLICATED_ALL_THEME]: {
      label: ALL_THEMES_LABEL,
      group: 'serious_violence',
      denominator: 'residents',
    },
  }),
);

/** "knife_crime" -> "Knife crime" */
export function labelFromId(id: ThemeId): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the dashboard knows of a theme id. Unknown ids from a partnership's own files count as
 * serious violence (that is what such files are for); `overrides` lets a source say otherwise.
 */
export function themeInfo(id: ThemeId, overrides: Partial<Omit<ThemeInfo, 'id'>> = {}): ThemeInfo {
  const known = KNOWN_THEMES.get(id);
  return {
    id,
    label: known?.label ?? labelFromId(id),
    group: known?.group ?? 'serious_violence',
    denominator: known?.denominator ?? 'residents',
    ...(known?.definition ? { definition: known.definition } : {}),
    ...overrides,
  };
}

/** A name as written, as an id: "Anti-social behaviour" -> "anti_social_behaviour" ("" for none). */
export function themeIdFromName(name: string): ThemeId {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A valid theme id: letters, digits, underscores and hyphens, starting with a letter. */
export function normaliseThemeId(raw: string): ThemeId | null {
  const id = raw.trim().toLowerCase().replace(/\s+/g, '_');
  return /^[a-z][a-z0-9_-]{0,63}$/.test(id) ? id : null;
}
