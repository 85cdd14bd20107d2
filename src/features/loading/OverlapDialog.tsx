/** Asks whether a file that overlaps loaded data replaces it or adds to it. */
import { describePeriod } from '../../analysis/describeView.ts';
import { monthKey } from '../../data/calendar.ts';
import { describeTheme, summarise } from '../../data/dataset.ts';
import { useAppStore } from '../../state/store.ts';
import { useModalDialog } from '../../ui/useModalDialog.ts';

export function OverlapDialog() {
  const pending = useAppStore((state) => state.pending);
  const resolvePending = useAppStore((state) => state.resolvePending);
  const dialog = useModalDialog(pending !== null);

  const months = pending && summarise(pending.dataset);
  // The new file's own names for its themes.
  const themes =
    pending?.overlaps.map((id) => describeTheme([pending.dataset], id).label).join(', ') ?? '';
  return (
    <dialog
      ref={dialog}
      className="overlap-dialog"
      aria-labelledby="overlap-title"
      onCancel={() => resolvePending('cancel')}
    >
      {pending && (
        <>
          <h2 id="overlap-title">{pending.dataset.fileName} overlaps the data already loaded</h2>
          <p>
            It has {themes} for{' '}
            {describePeriod(monthKey(months?.firstMonth ?? 0), monthKey(months?.lastMonth ?? 0))},
            and a loaded file already has these themes for some of those months.
          </p>
          <ul>
            <li>
              <strong>Replace</strong>: use the new file for these themes and leave the loaded
              file's figures for them out (all months).
            </li>
            <li>
              <strong>Add</strong>: count both files. Choose this only when they hold different
              offences, or the overlapping months will be counted twice.
            </li>
          </ul>
          <div className="dialog-buttons">
            <button type="button" onClick={() => resolvePending('replace')}>
              Replace
            </button>
            <button type="button" onClick={() => resolvePending('add')}>
              Add
            </button>
            <button type="button" onClick={() => resolvePending('cancel')}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
