/** A theme is an offence category the dashboard maps; ids are snake_case as in the data files. */
export type ThemeId = string;

/** The pseudo-theme that combines every loaded theme. */
export const ALL_THEMES = 'all';
export const ALL_THEMES_LABEL = 'All serious violence';

/**
 * A file may carry this theme to give "All serious violence" with offences counted once even when
 * they fall in two themes; without it the combined figure is the sum of the themes.
 */
export const DEDUPLICATED_ALL_THEME = 'all_serious_violence';

const KNOWN_THEME_LABELS: Readonly<Record<string, string>> = {
  youth_violence: 'Youth violence (under 25)',
  domestic_abuse: 'Domestic abuse',
  sexual_violence: 'Sexual violence',
  [DEDUPLICATED_ALL_THEME]: ALL_THEMES_LABEL,
};

/** Themes whose rate is per 1,000 residents aged 10-24 rather than all residents. */
const YOUTH_THEMES: ReadonlySet<string> = new Set(['youth_violence']);

export function themeLabel(theme: ThemeId): string {
  if (theme === ALL_THEMES) return ALL_THEMES_LABEL;
  const known = KNOWN_THEME_LABELS[theme];
  if (known) return known;
  const words = theme.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isYouthTheme(theme: ThemeId): boolean {
  return YOUTH_THEMES.has(theme);
}

/** A valid theme id: letters, digits, underscores and hyphens, starting with a letter. */
export function normaliseThemeId(raw: string): ThemeId | null {
  const id = raw.trim().toLowerCase().replace(/\s+/g, '_');
  return /^[a-z][a-z0-9_-]{0,63}$/.test(id) ? id : null;
}
