/**
 * "Load data": a file input (and drag and drop anywhere on the page, handled by the shell), with
 * a second way in beside it that opens the Match columns step even for a file of a known format;
 * the progress of the file being read with a Cancel button, and the report of what was loaded.
 */
import { useId, useState } from 'react';
import { formatCount, formatPercent } from '../../data/numberFormat.ts';
import { describeNotRead, type LoadReport, notReadAmount } from '../../data/report.ts';
import { rejectedRowsCsvParts, rejectedRowsFileName } from '../../export/rejectedRowsCsv.ts';
import { BOUNDARY_FORMATS } from '../../formats/boundaryFormats.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../ui/downloads.ts';
import { FileButton } from '../../ui/FileButton.tsx';
import { Popover } from '../../ui/Popover.tsx';
import { cancelLoading, loadUserFiles } from './loadFile.ts';

const DATA_FILES =
  '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.zip,application/zip,.geojson,.json,application/geo+json,application/json,.gpkg,application/geopackage+sqlite3';

/** Load a table through the Match columns step, whatever its format; `onPicked` closes a menu. */
function MatchColumnsButton({ onPicked }: { onPicked?: () => void }) {
  return (
    <div className="match-columns-way">
      <FileButton
        label="Match columns myself…"
        accept={DATA_FILES}
        multiple
        secondary
        onFiles={(files) => {
          onPicked?.();
          void loadUserFiles(files, true);
        }}
      />
      <p className="hint">
        Choose a table and say what each of its columns is, even when its format is known.
      </p>
    </div>
  );
}

/**
 * `inMenu`: inside the phone's menu, where the second way in is shown under Load data rather
 * than in a menu of its own.
 */
export function LoadData({ inMenu = false }: { inMenu?: boolean }) {
  return (
    <div className="load-data">
      <span className="load-data-buttons">
        <FileButton
          label="Load data"
          accept={DATA_FILES}
          multiple
          onFiles={(files) => void loadUserFiles(files)}
        />
        {!inMenu && (
          <Popover label="More ways to load" labelHidden className="load-options">
            {(close) => <MatchColumnsButton onPicked={close} />}
          </Popover>
        )}
      </span>
      {inMenu && <MatchColumnsButton />}
    </div>
  );
}

/**
 * The file being read, with its progress and Cancel: a bar of its own under the header (which
 * stays one row), above the load reports, so that nothing covers Cancel.
 */
export function LoadingStatus() {
  const id = useId();
  const loading = useAppStore((state) => state.loading);
  if (!loading) return null;
  return (
    <div className="loading" role="status">
      <label htmlFor={`${id}-progress`}>
        Reading {loading.fileName}
        {loading.detail ? `: ${loading.detail}` : ''}
      </label>
      <progress id={`${id}-progress`} max={1} value={loading.progress}>
        {formatPercent(loading.progress)}
      </progress>
      <button type="button" onClick={cancelLoading}>
        Cancel
      </button>
    </div>
  );
}

/** A longer list of rejections stays folded, so that it does not push the map out of view. */
const OPEN_REPORT_UP_TO = 10;

/** A boundary file's report counts features (numbered from 1 in the file), not rows. */
function unitOf(report: LoadReport): 'row' | 'feature' {
  return BOUNDARY_FORMATS.includes(report.format) ? 'feature' : 'row';
}

function counted(count: number, unit: string): string {
  return `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
}

/** "2 of 7 rows loaded, 5 rejected, 1 set aside; about 300 rows not read" */
function reportSummary(report: LoadReport): string {
  const unit = unitOf(report);
  const parts = [
    `${formatCount(report.rowsLoaded)} of ${counted(report.rowsRead, unit)} loaded`,
    ...(report.rejectedCount > 0 ? [`${formatCount(report.rejectedCount)} rejected`] : []),
    ...(report.setAsideCount > 0 ? [`${formatCount(report.setAsideCount)} set aside`] : []),
  ];
  const notRead = report.notRead ? `; ${notReadAmount(report.notRead)} not read` : '';
  return `${parts.join(', ')}${notRead}`;
}

/** Every row read accounted for, and what was not read. */
function accountOf(report: LoadReport): string {
  const unit = unitOf(report);
  const outcomes = [
    `${formatCount(report.rowsLoaded)} loaded`,
    `${formatCount(report.rejectedCount)} rejected`,
    ...(report.setAsideCount > 0 ? [`${formatCount(report.setAsideCount)} set aside`] : []),
  ];
  const read = `${counted(report.rowsRead, unit)} read: ${outcomes.join(', ')}.`;
  if (report.notRead) return `${read} ${describeNotRead(report.notRead)}`;
  if (report.lines === null) return `${read} The whole file was read.`;
  const blank = report.blankRows > 0 ? ` and ${counted(report.blankRows, 'blank line')}` : '';
  return `${read} The whole file was read: ${counted(report.lines, 'line')}, the header${blank} included.`;
}

/** What happened to the files loaded in this session; rejected rows listed with reasons. */
export function LoadReports() {
  const reports = useAppStore((state) => state.reports);
  const error = useAppStore((state) => state.error);
  const setError = useAppStore((state) => state.setError);
  // Closed reports stay closed until another file is loaded (the newest report's id grows).
  const [closedUpTo, setClosedUpTo] = useState(0);
  const newest = reports[0]?.id ?? 0;
  if (!error && (reports.length === 0 || newest <= closedUpTo)) return null;
  return (
    <section className="reports" aria-label="Loaded files">
      <button type="button" className="reports-close" onClick={() => setClosedUpTo(newest)}>
        Close <span className="visually-hidden">the reports of loaded files</span>
      </button>
      {error && (
        <div className="error" role="alert">
          {/* One paragraph for each file that could not be loaded. */}
          {error.split('\n').map((message, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the messages never reorder
            <p key={index}>{message}</p>
          ))}
          <button type="button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {reports.map(({ id, report }, index) => (
        <details
          key={id}
          className="report"
          open={
            index === 0 &&
            ((report.rejectedCount > 0 && report.rejectedCount <= OPEN_REPORT_UP_TO) ||
              report.notRead !== null)
          }
        >
          <summary>
            {report.fileName} ({report.format}): {reportSummary(report)}
          </summary>
          <p className="account">{accountOf(report)}</p>
          {report.reasons.length > 0 && (
            <ul className="reasons">
              {report.reasons.map(({ reason, count, setAside }) => (
                <li key={reason}>
                  {setAside ? 'Set aside' : 'Rejected'}, {reason}: {counted(count, unitOf(report))}
                </li>
              ))}
            </ul>
          )}
          {report.rejected.length > 0 && (
            <table className="rejections">
              <caption>
                Rejected {unitOf(report)}s
                {report.rejected.length < report.rejectedCount
                  ? ` (first ${report.rejected.length} of ${formatCount(report.rejectedCount)})`
                  : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{unitOf(report) === 'row' ? 'Row' : 'Feature'}</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((rejection) => (
                  <tr key={rejection.row}>
                    <td>{rejection.row}</td>
                    <td>{rejection.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.rejections.rows.length > 0 && (
            <button
              type="button"
              className="download-rows"
              onClick={() =>
                downloadBlob(
                  new Blob(rejectedRowsCsvParts(report, unitOf(report)), { type: 'text/csv' }),
                  rejectedRowsFileName(report.fileName),
                )
              }
            >
              Download the {unitOf(report)}s not loaded (CSV,{' '}
              {counted(report.rejections.rows.length, unitOf(report))})
            </button>
          )}
          {report.notes.length > 0 && (
            <ul className="notes">
              {report.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </section>
  );
}
