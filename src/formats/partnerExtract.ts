/**
 * A partnership's record-level extract of serious violence offences in the app's own column
 * names, one row per offence: `offence_id`, `ward_code` or `longitude` + `latitude`,
 * `occurred_from`, `occurred_to` (dates or date-times in London time unless they carry an offset;
 * `occurred_to` may be blank), `domestic_abuse` and `sexual_violence` (yes/no flags) and
 * `victim_age`. It is read as any matched table is (see mappedRecords.ts), with the mapping these
 * names give.
 */

import { findColumns } from './header.ts';
import { MappedRecordReader } from './mappedRecords.ts';
import type { OffenceFormat } from './offenceFormat.ts';

export const PARTNER_EXTRACT_FORMAT = 'Partner record-level extract';
export const PARTNER_EXTRACT_COLUMNS =
  'offence_id, ward_code or longitude + latitude, occurred_from; optional occurred_to, domestic_abuse, sexual_violence, victim_age';

const COLUMNS = {
  record_id: ['offence_id'],
  ward_code: ['ward_code'],
  longitude: ['longitude'],
  latitude: ['latitude'],
  from: ['occurred_from'],
  to: ['occurred_to'],
  domestic_abuse: ['domestic_abuse'],
  sexual_violence: ['sexual_violence'],
  victim_age: ['victim_age'],
} as const;

export function isPartnerExtractHeader(header: readonly string[]): boolean {
  const columns = findColumns(header, COLUMNS);
  return (
    columns.record_id >= 0 &&
    columns.from >= 0 &&
    (columns.ward_code >= 0 || (columns.longitude >= 0 && columns.latitude >= 0))
  );
}

export const partnerExtractFormat: OffenceFormat = {
  name: PARTNER_EXTRACT_FORMAT,
  columns: PARTNER_EXTRACT_COLUMNS,
  matches: isPartnerExtractHeader,
  createReader: (header, context) =>
    new MappedRecordReader(header, context, {
      name: PARTNER_EXTRACT_FORMAT,
      columns: {
        ...findColumns(header, COLUMNS),
        from_time: -1,
        to_time: -1,
        ward_name: -1,
        lad_code: -1,
        lad_name: -1,
        easting: -1,
        northing: -1,
        offence_type: -1,
        count: -1,
        ignore: -1,
      },
      rowsAre: 'offences',
      offenceThemes: new Map(),
    }),
};
