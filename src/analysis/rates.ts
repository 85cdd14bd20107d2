/** Offences per 1,000 residents; null when there is no population to divide by. */
export function ratePerThousand(
  count: number,
  population: number | null | undefined,
): number | null {
  if (population === null || population === undefined || population <= 0) return null;
  return (count / population) * 1000;
}
