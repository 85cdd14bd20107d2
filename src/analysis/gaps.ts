/**
 * Need against provision: the area's wards ranked by need (the theme's figure, or the priority
 * score) beside the share of each ward's area within reach of a service, with the gaps picked out
 * by a stated rule: need in the top part of the area and coverage below a threshold.
 */

/** A ward's need, as the Services page ranks it. */
export interface NeedWard {
  /** Index in the ward set. */
  index: number;
  code: string;
  name: string;
  ladName: string;
  /** Offences of the theme in the period: what "within reach" weighs. */
  count: number;
  /** Per 1,000 of the theme's denominator; null without a population. */
  rate: number | null;
  /** The figure ranked: count, rate or priority score; null when the ward has none. */
  need: number | null;
  /** 1 = highest need; ties share a rank; null without a figure. */
  needRank: number | null;
}

export interface GapRule {
  /** High need: a need rank within this share of the ranked wards (1/3: the top third). */
  topShare: number;
  /** Low coverage: a share of the ward's area within reach below this (0.5: below 50%). */
  coverageBelow: number;
}

/** The last need rank that counts as high need: the top share of the ranked wards, rounded up. */
export function highNeedCutoff(rankedCount: number, topShare: number): number {
  // A little off the product, so that 18 × 1/3 is 6 and not 6.000000000000001 rounded up to 7.
  return Math.max(0, Math.ceil(rankedCount * topShare - 1e-9));
}

/** High need (ties at the cut-off included) and low coverage. */
export function isGap(
  needRank: number | null,
  coverage: number,
  cutoff: number,
  rule: GapRule,
): boolean {
  return needRank !== null && needRank <= cutoff && coverage < rule.coverageBelow;
}

export interface GapRow extends NeedWard {
  /** Share of the ward's area within reach of the chosen type, with the proposed services. */
  coverage: number;
  /** The same without them. */
  coverageBefore: number;
  /** Share within reach of each type, with the proposed services (in the coverage's order). */
  byType: number[];
  gap: boolean;
  gapBefore: boolean;
}

export interface ProposalReach {
  /** The proposed service's number. */
  id: number;
  /** Offences of the area's wards within its reach, each ward's count times its share. */
  offences: number;
}

export interface GapTableRows {
  rule: GapRule;
  rankedCount: number;
  cutoff: number;
  /** Most need first; wards without a need figure last, by name. */
  rows: GapRow[];
  gapCount: number;
  gapCountBefore: number;
  /** Offences within reach of the chosen type: Σ count × coverage, with and without proposals. */
  offencesWithinReach: number;
  offencesWithinReachBefore: number;
  proposals: ProposalReach[];
}

/** Shares of the area's wards, in the order of `wardIndices`. */
export interface WardShares {
  wardIndices: readonly number[];
  /** The chosen type's shares, with and without the proposed services. */
  chosen: ArrayLike<number>;
  chosenBefore: ArrayLike<number>;
  /** Each type's shares, with the proposed services. */
  byType: readonly ArrayLike<number>[];
  /** Each proposed service's shares. */
  proposed: readonly { id: number; shares: ArrayLike<number> }[];
}

export function gapTable(
  wards: readonly NeedWard[],
  shares: WardShares,
  rule: GapRule,
): GapTableRows {
  const position = new Map(shares.wardIndices.map((index, at) => [index, at]));
  const rankedCount = wards.filter((ward) => ward.needRank !== null).length;
  const cutoff = highNeedCutoff(rankedCount, rule.topShare);
  const shareAt = (values: ArrayLike<number>, at: number | undefined) =>
    at === undefined ? 0 : (values[at] ?? 0);

  const rows: GapRow[] = wards.map((ward) => {
    const at = position.get(ward.index);
    const coverage = shareAt(shares.chosen, at);
    const coverageBefore = shareAt(shares.chosenBefore, at);
    return {
      ...ward,
      coverage,
      coverageBefore,
      byType: shares.byType.map((values) => shareAt(values, at)),
      gap: isGap(ward.needRank, coverage, cutoff, rule),
      gapBefore: isGap(ward.needRank, coverageBefore, cutoff, rule),
    };
  });
  const last = Number.POSITIVE_INFINITY;
  rows.sort(
    (a, b) => (a.needRank ?? last) - (b.needRank ?? last) || a.name.localeCompare(b.name, 'en-GB'),
  );
  const withinReach = (share: (row: GapRow) => number) =>
    rows.reduce((sum, row) => sum + row.count * share(row), 0);
  return {
    rule,
    rankedCount,
    cutoff,
    rows,
    gapCount: rows.filter((row) => row.gap).length,
    gapCountBefore: rows.filter((row) => row.gapBefore).length,
    offencesWithinReach: withinReach((row) => row.coverage),
    offencesWithinReachBefore: withinReach((row) => row.coverageBefore),
    proposals: shares.proposed.map(({ id, shares: proposedShares }) => ({
      id,
      offences: withinReach((row) => shareAt(proposedShares, position.get(row.index))),
    })),
  };
}
