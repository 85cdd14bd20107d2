/** Header names compare case-insensitively, ignoring a byte-order mark and surrounding spaces. */
export function normaliseHeaderName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** Index of each wanted column in the header (first alias found), or -1 when absent. */
export function findColumns<const K extends string>(
  header: readonly string[],
  wanted: Record<K, readonly string[]>,
): Record<K, number> {
  const names = header.map(normaliseHeaderName);
  const found = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) {
    found[key] = -1;
    for (const alias of wanted[key]) {
      const index = names.indexOf(alias);
      if (index >= 0) {
        found[key] = index;
        break;
      }
    }
  }
  return found;
}
