/**
 * Standard competition ranking, highest value first: ties share the best rank and the next rank
 * skips ("1, 2, 2, 4"). Missing values get no rank.
 */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((entry): entry is { value: number; index: number } => entry.value !== null)
    .sort((a, b) => b.value - a.value);
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry.index] =
      previous !== undefined && previous.value === entry.value
        ? (ranks[previous.index] as number)
        : position + 1;
  });
  return ranks;
}

/** Ranks that more than one entry shares. */
export function tiedRanks(ranks: readonly (number | null)[]): Set<number> {
  const seen = new Set<number>();
  const tied = new Set<number>();
  for (const rank of ranks) {
    if (rank === null) continue;
    if (seen.has(rank)) tied.add(rank);
    seen.add(rank);
  }
  return tied;
}

/** "1st", "2nd", "3rd", "11th", "22nd" */
export function ordinal(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${rank}th`;
  switch (rank % 10) {
    case 1:
      return `${rank}st`;
    case 2:
      return `${rank}nd`;
    case 3:
      return `${rank}rd`;
    default:
      return `${rank}th`;
  }
}
