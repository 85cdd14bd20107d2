/** Asks whether the part of a file read before a cancel (or a fatal error) is kept or discarded. */
import { formatCount } from '../../data/numberFormat.ts';
import { describeNotRead } from '../../data/report.ts';
import { useAppStore } from '../../state/store.ts';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { resolvePartialRead } from './loadFile.ts';

export function PartialReadDialog() {
  const partialRead = useAppStore((state) => state.partialRead);
  const dialog = useModalDialog(partialRead !== null);

  const report = partialRead?.report;
  return (
    <dialog
      ref={dialog}
      className="overlap-dialog"
      aria-labelledby="partial-read-title"
      onCancel={() => resolvePartialRead(false)}
    >
      {report?.notRead && (
        <>
          <h2 id="partial-read-title">Only part of {report.fileName} was read</h2>
          <p>{describeNotRead(report.notRead)}</p>
          <p>
            From the part read, {formatCount(report.rowsLoaded)} of {formatCount(report.rowsRead)}{' '}
            rows loaded. Figures from it would leave out the offences in the rest of the file.
          </p>
          <ul>
            <li>
              <strong>Discard</strong>: load nothing from this file; the figures shown stay as they
              are.
            </li>
            <li>
              <strong>Keep as partial</strong>: show the rows read, marked “partial” wherever the
              file is named (here, in the sources and in the briefing), also when it comes back next
              time.
            </li>
          </ul>
          <div className="dialog-buttons">
            <button type="button" onClick={() => resolvePartialRead(false)}>
              Discard
            </button>
            <button type="button" onClick={() => resolvePartialRead(true)}>
              Keep as partial
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
