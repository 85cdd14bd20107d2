/** Settings that shape what the screen shows, apart from the view's filters. */
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../analysis/suppression.ts';
import { useAppStore } from '../state/store.ts';

/** Publication mode on screen; exports have their own, in Share. */
export function PublicationSetting() {
  const publication = useAppStore((state) => state.publication);
  const setPublication = useAppStore((state) => state.setPublication);
  return (
    <div className="publication-setting">
      <label className="choice publication">
        <input
          type="checkbox"
          checked={publication}
          onChange={(event) => setPublication(event.target.checked)}
        />
        Publication mode: show counts of 1 to {DEFAULT_SUPPRESSION_THRESHOLD} as “&lt;
        {DEFAULT_SUPPRESSION_THRESHOLD + 1}”
      </label>
      <p className="hint">
        On screen. Exports have their own setting, in Share. Hidden counts are not ranked, and
        totals that include them are given as ranges.
      </p>
    </div>
  );
}
