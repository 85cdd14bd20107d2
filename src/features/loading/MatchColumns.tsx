/**
 * The "Match columns" step: a table whose header is no known format (or whose columns the user
 * asked to match) shows its header and first rows, with a proposed role for each column. The user
 * confirms or changes each role, says what the rows are and what each offence type counts as, and
 * sees what the first rows become and how many rows would be rejected and why, read from the
 * whole file, before anything loads. The mapping is saved for files with the same columns.
 * A ward boundary file whose properties are not ONS-named comes here too: its properties are
 * matched as ward code and name, borough code and name, and the preview counts its features.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { errorMessage } from '../../data/errorMessage.ts';
import { formatCount, formatPercent } from '../../data/numberFormat.ts';
import { themeIdFromName } from '../../data/themes.ts';
import {
  BOUNDARY_ROLES,
  type ColumnMapping,
  type ColumnRole,
  headerSignature,
  mappingProblems,
  RECORD_ROLES,
  ROLE_LABELS,
  type RowsAre,
} from '../../formats/columnMapping.ts';
import {
  OFFENCE_THEME_CHOICES,
  proposeOffenceTheme,
  proposeRoles,
} from '../../formats/proposeRoles.ts';
import type { ColumnsToMatch } from '../../formats/readFile.ts';
import type { WorkerResult } from '../../formats/worker.ts';
import type { WorkerRead } from '../../formats/workerClient.ts';
import { useAppStore } from '../../state/store.ts';
import { RadioChoice } from '../../ui/RadioChoice.tsx';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { closeMatching, loadMatched, readSheetColumns, readWithMapping } from './loadFile.ts';

/** Offence types listed for a theme each, most frequent first. */
const MAX_OFFENCE_TYPES = 40;
/** Sample values shown beside each column. */
const EXAMPLES = 3;

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

/** Distinct values of a column in the first rows, most frequent first. */
function distinctValues(rows: readonly string[][], column: number): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = (row[column] ?? '').trim();
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_OFFENCE_TYPES)
    .map(([value]) => value);
}

type Preview =
  | { status: 'idle' }
  | { status: 'reading'; progress: number }
  | { status: 'done'; parsed: WorkerResult }
  | { status: 'failed'; message: string };

export function MatchColumns() {
  const matching = useAppStore((state) => state.matching);
  const dialog = useModalDialog(matching !== null);

  return (
    <dialog
      ref={dialog}
      className="match-columns"
      aria-labelledby="match-columns-title"
      onCancel={closeMatching}
    >
      {matching && (
        <MatchColumnsForm
          // A new file or sheet starts the form afresh.
          key={`${matching.columns.fileName}|${matching.columns.sheet ?? ''}|${matching.mapping?.id ?? ''}`}
          file={matching.file}
          columns={matching.columns}
          editing={matching.mapping}
        />
      )}
    </dialog>
  );
}

function MatchColumnsForm({
  file,
  columns,
  editing,
}: {
  file: File | null;
  columns: ColumnsToMatch;
  editing: ColumnMapping | null;
}) {
  const id = useId();
  const { header, rows } = columns;
  const [name, setName] = useState(editing?.name ?? baseName(columns.fileName));
  const [rowsAre, setRowsAre] = useState<RowsAre>(
    editing?.rowsAre ?? (columns.boundaries ? 'boundaries' : 'offences'),
  );
  const boundaries = rowsAre === 'boundaries';
  const [roles, setRoles] = useState<ColumnRole[]>(
    () =>
      editing?.columns.map((column) => column.role) ?? columns.roles ?? proposeRoles(header, rows),
  );
  // Columns may share a name: each is keyed by its place.
  const columnsInOrder = useMemo(
    () =>
      header.map((column, position) => ({ column, index: position, key: `column-${position}` })),
    [header],
  );
  const offenceColumn = roles.indexOf('offence_type');
  const offenceTypes = useMemo(
    () => (offenceColumn >= 0 ? distinctValues(rows, offenceColumn) : []),
    [rows, offenceColumn],
  );
  const [themeChoices, setThemeChoices] = useState<ReadonlyMap<string, string>>(
    () => new Map(editing?.offenceThemes.map(([type, theme]) => [type.toLowerCase(), theme])),
  );
  const themeOf = (type: string) =>
    themeChoices.get(type.toLowerCase()) ?? proposeOffenceTheme(type);
  const problems = mappingProblems(roles, rowsAre);
  if (name.trim() === '') problems.push('Give the source a name.');

  const [mappingId] = useState(() => editing?.id ?? crypto.randomUUID());
  const mapping = useMemo((): ColumnMapping => {
    const offenceThemes: [string, string][] = offenceTypes.map((type) => [
      type,
      themeChoices.get(type.toLowerCase()) ?? proposeOffenceTheme(type),
    ]);
    return {
      id: mappingId,
      name: name.trim(),
      signature: headerSignature(header),
      columns: header.map((column, index) => ({ name: column, role: roles[index] ?? 'ignore' })),
      rowsAre,
      offenceThemes,
      savedAt: new Date().toISOString(),
    };
  }, [mappingId, name, header, roles, rowsAre, offenceTypes, themeChoices]);

  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const ready = problems.length === 0;
  useEffect(() => {
    if (!file || !ready) {
      setPreview({ status: 'idle' });
      return;
    }
    let read: WorkerRead | null = null;
    let stale = false;
    // Reading starts once the choices have settled for a moment.
    const timer = setTimeout(() => {
      setPreview({ status: 'reading', progress: 0 });
      read = readWithMapping(file, mapping, columns.sheet, (progress) => {
        // Progress comes over a message channel of its own, so it can arrive after the answer:
        // it must not take the answer's place.
        if (!stale)
          setPreview((current) =>
            current.status === 'reading' ? { status: 'reading', progress } : current,
          );
      });
      read.result.then(
        (parsed) => {
          if (!stale) setPreview({ status: 'done', parsed });
        },
        (error: unknown) => {
          if (!stale)
            setPreview({
              status: 'failed',
              message: errorMessage(error),
            });
        },
      );
    }, 300);
    return () => {
      stale = true;
      clearTimeout(timer);
      read?.cancel();
    };
  }, [file, ready, mapping, columns.sheet]);

  const parsed = preview.status === 'done' ? preview.parsed : null;
  const report = parsed && 'report' in parsed ? parsed.report : null;
  const mostRejected = report !== null && report.rejectedCount > report.rowsLoaded;
  const canLoad =
    ready &&
    (file === null ||
      ((parsed?.kind === 'offences' || parsed?.kind === 'boundaries') && report !== null));

  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        if (canLoad) loadMatched(parsed, mapping);
      }}
    >
      <h2 id="match-columns-title">Match columns: {columns.fileName}</h2>
      <p>
        {editing && !file
          ? `Change what each ${boundaries ? 'property' : 'column'} holds; files with these ${boundaries ? 'properties' : 'columns'} will be read this way.`
          : boundaries
            ? 'The properties of these ward boundaries are not named as ONS names them (WD24CD, WD24NM, LAD24CD, LAD24NM). Say which holds the ward code, and which the ward name and the borough or district: the preview below shows how many features would load, before anything loads. The matching is kept for files with the same properties.'
            : 'The columns of this file match no known format. Say what each column holds: the preview below shows what the first rows become, read from the whole file, before anything loads. The matching is kept for files with the same columns.'}
      </p>
      {columns.message !== '' && (
        <details className="known-formats">
          <summary>Columns the known formats expect</summary>
          <p>{columns.message}</p>
        </details>
      )}
      {columns.sheets && columns.sheets.length > 1 && file && (
        <p>
          <label htmlFor={`${id}-sheet`}>Sheet</label>{' '}
          <select
            id={`${id}-sheet`}
            value={columns.sheet}
            onChange={(event) => void readSheetColumns(file, event.target.value)}
          >
            {columns.sheets.map((sheet) => (
              <option key={sheet}>{sheet}</option>
            ))}
          </select>
        </p>
      )}
      <div className="match-source">
        <p>
          <label htmlFor={`${id}-name`}>Name of this source</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </p>
        {!boundaries && (
          <RadioChoice<RowsAre>
            legend="Each row is"
            className=""
            value={rowsAre}
            onChange={setRowsAre}
            options={[
              {
                value: 'offences',
                label: 'a serious violence offence (police or partner extract)',
              },
              {
                value: 'own_theme',
                label: `another kind of record (A&E attendance, youth justice case), counted as “${name.trim() || 'this source'}”`,
              },
            ]}
          />
        )}
      </div>

      <table className="match-roles">
        <caption>{boundaries ? 'Properties' : 'Columns'} and what they hold</caption>
        <thead>
          <tr>
            <th scope="col">{boundaries ? 'Property' : 'Column'}</th>
            <th scope="col">Holds</th>
            <th scope="col">First values</th>
          </tr>
        </thead>
        <tbody>
          {columnsInOrder.map(({ column, index, key }) => (
            <tr key={key}>
              <th scope="row">
                <label htmlFor={`${id}-role-${index}`}>
                  {column.trim() || `Column ${index + 1}`}
                </label>
              </th>
              <td>
                <select
                  id={`${id}-role-${index}`}
                  value={roles[index] ?? 'ignore'}
                  onChange={(event) =>
                    setRoles(
                      roles.map((role, at) =>
                        at === index ? (event.target.value as ColumnRole) : role,
                      ),
                    )
                  }
                >
                  {(boundaries ? BOUNDARY_ROLES : RECORD_ROLES).map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="examples">
                {rows
                  .map((row) => (row[index] ?? '').trim())
                  .filter((value) => value !== '')
                  .slice(0, EXAMPLES)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {offenceTypes.length > 0 && rowsAre === 'offences' && (
        <table className="match-themes">
          <caption>Offence types and the theme each counts in</caption>
          <thead>
            <tr>
              <th scope="col">Offence type</th>
              <th scope="col">Counts in</th>
            </tr>
          </thead>
          <tbody>
            {offenceTypes.map((type, index) => (
              <tr key={type}>
                <th scope="row">
                  <label htmlFor={`${id}-theme-${index}`}>{type}</label>
                </th>
                <td>
                  <select
                    id={`${id}-theme-${index}`}
                    value={themeOf(type)}
                    onChange={(event) =>
                      setThemeChoices(
                        new Map([...themeChoices, [type.toLowerCase(), event.target.value]]),
                      )
                    }
                  >
                    {OFFENCE_THEME_CHOICES.map((choice) => (
                      <option key={choice.id} value={choice.id}>
                        {choice.label}
                      </option>
                    ))}
                    {!OFFENCE_THEME_CHOICES.some(
                      (choice) => choice.id === themeIdFromName(type),
                    ) && <option value={themeIdFromName(type)}>A theme of its own: {type}</option>}
                    <option value="">Not counted</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {problems.length > 0 && (
        <ul className="match-problems" aria-label="Still to choose">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      {file && (
        <section className="match-preview" aria-labelledby={`${id}-preview`} aria-live="polite">
          <h3 id={`${id}-preview`}>Preview</h3>
          {preview.status === 'reading' && (
            <p>
              <label htmlFor={`${id}-progress`}>Reading the file with these columns</label>{' '}
              <progress id={`${id}-progress`} max={1} value={preview.progress}>
                {formatPercent(preview.progress)}
              </progress>
            </p>
          )}
          {preview.status === 'failed' && (
            <p role="alert">The file could not be read: {preview.message}</p>
          )}
          {parsed && parsed.kind !== 'offences' && 'message' in parsed && (
            <p role="alert">{parsed.message}</p>
          )}
          {report && <PreviewFigures parsed={parsed} mostRejected={mostRejected} />}
        </section>
      )}

      <div className="dialog-buttons">
        <button type="submit" disabled={!canLoad}>
          {file ? (mostRejected ? 'Load anyway' : 'Load') : 'Save'}
        </button>
        <button type="button" onClick={closeMatching}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function PreviewFigures({
  parsed,
  mostRejected,
}: {
  parsed: WorkerResult | null;
  mostRejected: boolean;
}) {
  const wards = useAppStore((state) => state.wards);
  const names = useMemo(
    () => new Map((wards?.wards ?? []).map((ward) => [ward.code, ward.name])),
    [wards],
  );
  if (parsed?.kind !== 'offences' && parsed?.kind !== 'boundaries') return null;
  const { report } = parsed;
  const unit = parsed.kind === 'boundaries' ? 'feature' : 'row';
  const units = (count: number) => `${unit}${count === 1 ? '' : 's'}`;
  return (
    <>
      <p>
        {formatCount(report.rowsLoaded)} of {formatCount(report.rowsRead)} {units(2)} would load
        {report.rejectedCount > 0 ? `, ${formatCount(report.rejectedCount)} would be rejected` : ''}
        .
      </p>
      {mostRejected && (
        <p role="alert" className="match-warning">
          Most {units(2)} would be rejected: check what each column holds before loading.
        </p>
      )}
      {report.rejectedCount > 0 && (
        <ul aria-label={`Reasons for rejecting ${units(2)}`}>
          {report.reasons
            .filter(({ setAside }) => !setAside)
            .map(({ reason, count }) => (
              <li key={reason}>
                {reason}: {formatCount(count)} {units(count)}
              </li>
            ))}
        </ul>
      )}
      {parsed.kind === 'offences' && (
        <table className="match-outcomes">
          <caption>The first rows as they would load</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">When (London time)</th>
              <th scope="col">Ward</th>
              <th scope="col">Counts in</th>
            </tr>
          </thead>
          <tbody>
            {(parsed.preview ?? []).map((outcome) =>
              outcome.loaded ? (
                <tr key={outcome.row}>
                  <td>{outcome.row}</td>
                  <td>{outcome.when}</td>
                  <td>{names.get(outcome.ward) ?? outcome.ward}</td>
                  <td>
                    {outcome.themes.join(', ')}
                    {outcome.count !== 1 ? ` (${formatCount(outcome.count)})` : ''}
                  </td>
                </tr>
              ) : (
                <tr key={outcome.row} className="rejected">
                  <td>{outcome.row}</td>
                  <td colSpan={3}>Rejected: {outcome.reason}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </>
  );
}
