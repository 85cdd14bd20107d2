/**
 * Finds a ward from a code or a name as data files write them. Names differ between sources
 * ("Earls Court" / "Earl's Court", "Brompton and Hans Town" / "Brompton & Hans Town"), so names
 * compare after normalising case, apostrophes, "&" and punctuation. Join on codes where possible.
 */
export interface WardIdentity {
  code: string;
  name: string;
  /** Local authority code, used to settle names shared by wards in different boroughs. */
  lad: string;
}

export function normaliseWardName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['\u2019\u2018`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type WardResolution = { code: string } | { error: string };

export class WardLookup {
  private readonly codes: ReadonlySet<string>;
  private readonly byName = new Map<string, WardIdentity[]>();
  private readonly preferredLad: string | null;

  /** `preferredLad`: when a name is shared across boroughs, the ward in this borough wins. */
  constructor(wards: readonly WardIdentity[], preferredLad: string | null = null) {
    this.preferredLad = preferredLad;
    this.codes = new Set(wards.map((ward) => ward.code));
    for (const ward of wards) {
      const key = normaliseWardName(ward.name);
      const list = this.byName.get(key);
      if (list) list.push(ward);
      else this.byName.set(key, [ward]);
    }
  }

  /** How many wards it knows. */
  get size(): number {
    return this.codes.size;
  }

  resolveCode(raw: string): WardResolution {
    const code = raw.trim().toUpperCase();
    if (code === '') return { error: 'No ward code' };
    return this.codes.has(code) ? { code } : { error: `Unknown ward code "${raw.trim()}"` };
  }

  resolveName(raw: string): WardResolution {
    const matches = this.byName.get(normaliseWardName(raw));
    if (!matches || matches.length === 0) {
      return { error: raw.trim() === '' ? 'No ward name' : `Unknown ward name "${raw.trim()}"` };
    }
    if (matches.length === 1) return { code: (matches[0] as WardIdentity).code };
    const preferred = matches.filter((ward) => ward.lad === this.preferredLad);
    if (preferred.length === 1) return { code: (preferred[0] as WardIdentity).code };
    return {
      error: `Ward name "${raw.trim()}" is used in ${matches.length} boroughs; give ward_code`,
    };
  }
}
