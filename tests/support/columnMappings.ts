/** A column matching as the "Match columns" step saves it, for tests: each column of `header`
 * with its role in `roles` (unused when not given). */
import {
  type ColumnMapping,
  type ColumnRole,
  headerSignature,
} from '../../src/formats/columnMapping.ts';

export function mappingOf(
  header: readonly string[],
  roles: readonly ColumnRole[],
  extra: Partial<ColumnMapping> = {},
): ColumnMapping {
  return {
    id: 'm1',
    name: 'Police extract',
    signature: headerSignature(header),
    columns: header.map((name, index) => ({ name, role: roles[index] ?? 'ignore' })),
    rowsAre: 'offences',
    offenceThemes: [],
    savedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
