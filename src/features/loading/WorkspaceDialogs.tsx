/**
 * Save workspace and Open workspace: each a button and the dialog it opens. Saving and opening
 * run in the workspace worker; an opened workspace changes nothing until the user chooses Replace
 * or Add, and a refused one changes nothing at all.
 */

import {
  type FormEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { describePeriod } from '../../analysis/describeView.ts';
import { type PublishedCount, SUPPRESSED } from '../../analysis/publication.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../analysis/suppression.ts';
import { monthKey } from '../../data/calendar.ts';
import { errorMessage } from '../../data/errorMessage.ts';
import { formatCount, formatDateTime } from '../../data/numberFormat.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../ui/downloads.ts';
import { FileButton } from '../../ui/FileButton.tsx';
import { RadioChoice } from '../../ui/RadioChoice.tsx';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { WorkspaceError } from '../../workspace/container.ts';
import type {
  AnalysisContents,
  PublicationContents,
  WorkspaceContents,
  WorkspaceKind,
} from '../../workspace/contents.ts';
import {
  publishViews,
  putWorkspaceInPlace,
  readWorkspaceFile,
  saveWorkspace,
  WORKSPACE_EXTENSION,
  workspaceFileName,
} from './workspaces.ts';
import './workspace.css';

/** What the view on screen is called in a publication until the user names it. */
const CURRENT_VIEW = 'Current view';

/**
 * A modal dialog, in the page's body: the buttons that open these sit in menus that fold away, and
 * the dialog must outlive the menu's panel being hidden.
 */
function WorkspaceDialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const id = useId();
  const dialog = useModalDialog(open);
  return createPortal(
    <dialog
      ref={dialog}
      className="workspace-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          {children}
        </>
      )}
    </dialog>,
    document.body,
  );
}

/** A labelled text or passphrase field, with its hint read out with it. */
function TextField({
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  required = false,
  hint,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password';
  autoComplete: string;
  required?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="text-input"
        type={type}
        required={required}
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Save workspace and Open workspace, side by side (in the Share menu). */
export function Workspaces() {
  return (
    <div className="workspace-buttons">
      <SaveWorkspace />
      <OpenWorkspace />
    </div>
  );
}

// ---- Save ----

function SaveWorkspace() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Save workspace
      </button>
      <WorkspaceDialog title="Save workspace" open={open} onClose={() => setOpen(false)}>
        <SaveWorkspaceForm onClose={() => setOpen(false)} />
      </WorkspaceDialog>
    </>
  );
}

function SaveWorkspaceForm({ onClose }: { onClose(): void }) {
  const usersFiles = useAppStore((state) => state.datasets.filter((d) => !d.synthetic).length);
  const [kind, setKind] = useState<WorkspaceKind>('analysis');
  const [currentName, setCurrentName] = useState('Current view');
  // Worked out when asked for: the view and the saved views do not change behind a modal dialog.
  const publication = useMemo(
    () => (kind === 'publication' ? publishViews(CURRENT_VIEW) : null),
    [kind],
  );
  const publishedViews =
    publication?.views.map((view, index) =>
      index === 0 ? { ...view, name: currentName.trim() || CURRENT_VIEW } : view,
    ) ?? [];
  const [savedBy, setSavedBy] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (passphrase !== '' && passphrase !== again) {
      setProblem('The two passphrases differ: type the same one twice.');
      return;
    }
    setBusy(true);
    setStatus('Saving…');
    try {
      const blob = await saveWorkspace({
        savedBy: savedBy.trim(),
        passphrase: passphrase === '' ? null : passphrase,
        publication: kind === 'publication' ? publishedViews : null,
      });
      const fileName = workspaceFileName(kind, new Date());
      downloadBlob(blob, fileName);
      setStatus(
        `Saved as ${fileName} (${formatCount(Math.ceil(blob.size / 1024))} kB)${passphrase ? ', encrypted' : ''}.`,
      );
    } catch (error) {
      setStatus('');
      setProblem(`The workspace could not be saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save}>
      <RadioChoice<WorkspaceKind>
        legend="What to save"
        value={kind}
        onChange={setKind}
        options={[
          {
            value: 'analysis',
            label: 'Everything loaded (analysis workspace)',
            hint: `${usersFiles > 0 ? 'The files you loaded' : 'No files of yours (none loaded)'}, boundaries, populations and services of your own, column matchings, this view and the saved views, for colleagues who carry on the analysis. It holds every count, however small: share it only under your information-sharing agreement.`,
          },
          {
            value: 'publication',
            label: 'Published figures only (publication workspace)',
            hint: `The ward counts and the heatmap of this view and of each saved view, with counts of 1 to ${DEFAULT_SUPPRESSION_THRESHOLD} hidden, and other counts too where they could be worked out. No offence data leaves this device. It opens read-only.`,
          },
        ]}
      />
      {kind === 'publication' && (
        <>
          <TextField
            label="Name of this view"
            value={currentName}
            onChange={setCurrentName}
            autoComplete="off"
          />
          <p>
            It will hold {publishedViews.length} {publishedViews.length === 1 ? 'view' : 'views'}:{' '}
            {publishedViews.map((view) => view.name).join('; ')}.
          </p>
          {publication && publication.skipped.length > 0 && (
            <ul className="notes">
              {publication.skipped.map((note) => (
                <li key={note}>Left out: {note}</li>
              ))}
            </ul>
          )}
          {publishedViews.length > 1 && (
            <p className="hint">
              Each view's figures are protected on their own, but views that overlap (a year and a
              month inside it, a theme and All serious violence) could be subtracted one from
              another: publish views that do not overlap.
            </p>
          )}
        </>
      )}
      <TextField
        label="Saved by"
        value={savedBy}
        onChange={setSavedBy}
        autoComplete="name"
        required
        hint="Your name and organisation, shown to whoever opens the file."
      />
      <TextField
        label="Passphrase (optional)"
        value={passphrase}
        onChange={setPassphrase}
        type="password"
        autoComplete="new-password"
        hint="Encrypts the file (AES-256). Send the passphrase another way than the file; it cannot be recovered if it is lost."
      />
      {passphrase !== '' && (
        <TextField
          label="Passphrase again"
          value={again}
          onChange={setAgain}
          type="password"
          autoComplete="new-password"
        />
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <p role="status" className="workspace-status">
        {status}
      </p>
      <div className="dialog-buttons">
        <button
          type="submit"
          disabled={busy || (kind === 'publication' && publishedViews.length === 0)}
        >
          Save
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

// ---- Open ----

function OpenWorkspace() {
  const [file, setFile] = useState<File | null>(null);
  return (
    <>
      <FileButton
        label="Open workspace"
        accept={`${WORKSPACE_EXTENSION},application/octet-stream`}
        secondary
        onFiles={([chosen]) => setFile(chosen ?? null)}
      />
      <WorkspaceDialog title="Open workspace" open={file !== null} onClose={() => setFile(null)}>
        {/* A new form for each file: nothing of the last one's answer stays. */}
        {file && (
          <OpenWorkspaceForm
            key={`${file.name}:${file.lastModified}`}
            file={file}
            onClose={() => setFile(null)}
          />
        )}
      </WorkspaceDialog>
    </>
  );
}

type Opening =
  | { state: 'checking' }
  | { state: 'passphrase'; problem: string | null }
  | { state: 'refused'; problem: string }
  | { state: 'checked'; contents: WorkspaceContents };

function OpenWorkspaceForm({ file, onClose }: { file: File; onClose(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [opening, setOpening] = useState<Opening>({ state: 'checking' });

  const read = useCallback(
    async (withPassphrase: string | null) => {
      setOpening({ state: 'checking' });
      try {
        setOpening({ state: 'checked', contents: await readWorkspaceFile(file, withPassphrase) });
      } catch (error) {
        if (error instanceof WorkspaceError && error.problem === 'passphrase-needed')
          setOpening({ state: 'passphrase', problem: null });
        else if (error instanceof WorkspaceError && error.problem === 'wrong-passphrase')
          setOpening({ state: 'passphrase', problem: error.message });
        else if (error instanceof WorkspaceError)
          setOpening({ state: 'refused', problem: error.message });
        else
          setOpening({
            state: 'refused',
            problem: `${file.name} could not be opened: ${errorMessage(error)}`,
          });
      }
    },
    [file],
  );
  // The file is checked as soon as it is chosen: most need no passphrase.
  useEffect(() => {
    void read(null);
  }, [read]);

  const finish = (mode: 'replace' | 'add') => {
    if (opening.state !== 'checked' || opening.contents.kind !== 'analysis') return;
    putWorkspaceInPlace(opening.contents, mode);
    onClose();
  };

  return (
    <>
      <p>
        <strong>{file.name}</strong>
      </p>
      {opening.state === 'passphrase' && (
        <form
          className="passphrase"
          onSubmit={(event) => {
            event.preventDefault();
            void read(passphrase);
          }}
        >
          <TextField
            label="Passphrase"
            value={passphrase}
            onChange={setPassphrase}
            type="password"
            autoComplete="current-password"
            hint="This workspace is encrypted: type the passphrase it was saved with."
          />
          <button type="submit" disabled={passphrase === ''}>
            Unlock
          </button>
        </form>
      )}
      {opening.state === 'checking' && <p role="status">Checking {file.name}…</p>}
      {(opening.state === 'refused' || (opening.state === 'passphrase' && opening.problem)) && (
        <p className="error" role="alert">
          {opening.problem}
        </p>
      )}
      {opening.state === 'checked' &&
        (opening.contents.kind === 'analysis' ? (
          <WorkspaceSummary contents={opening.contents} />
        ) : (
          <PublishedFigures contents={opening.contents} />
        ))}
      <div className="dialog-buttons">
        {opening.state === 'checked' && opening.contents.kind === 'analysis' && (
          <>
            <button type="button" onClick={() => finish('replace')}>
              Replace what is loaded
            </button>
            <button type="button" onClick={() => finish('add')}>
              Add to what is loaded
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          {opening.state === 'checked' && opening.contents.kind === 'publication'
            ? 'Close'
            : 'Cancel'}
        </button>
      </div>
    </>
  );
}

const counted = (count: number, unit: string) =>
  `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;

/** Who saved the workspace and when, and what it holds. */
function WorkspaceSummary({ contents }: { contents: AnalysisContents }) {
  const holds: string[] = contents.datasets.map((dataset) => {
    const { cube, points } = dataset;
    const period = describePeriod(
      monthKey(cube.firstMonth),
      monthKey(cube.firstMonth + cube.monthCount - 1),
    );
    const themes = dataset.themes.map((info) => info.label).join(', ');
    return `${dataset.fileName}: ${themes}, ${period}, ${counted(dataset.report.rowsLoaded, 'row')}${points ? ', with map points' : ''}`;
  });
  if (contents.populations) holds.push(`Populations: ${contents.populations.source.name}`);
  if (contents.services)
    holds.push(
      `Services: ${contents.services.fileName}, ${counted(contents.services.services.length, 'service')}`,
    );
  if (contents.boundaries)
    holds.push(
      `Ward boundaries of their own: ${counted(contents.boundaries.wards.length, 'ward')}`,
    );
  if (contents.columnMappings.length > 0)
    holds.push(
      `Column matchings: ${contents.columnMappings.map((mapping) => mapping.name).join('; ')}`,
    );
  if (contents.savedViews.length > 0)
    holds.push(`Saved views: ${contents.savedViews.map((view) => view.name).join('; ')}`);
  return (
    <section className="workspace-summary" aria-label="What the workspace holds">
      <p>
        Saved by <strong>{contents.savedBy}</strong> on {formatDateTime(contents.savedAt)}. It holds
        its view and:
      </p>
      <ul>
        {holds.length > 0 ? holds.map((line) => <li key={line}>{line}</li>) : <li>no files</li>}
      </ul>
      <p className="hint">
        Replace: its data and view take the place of what is loaded. Add: its files are counted with
        those loaded (months in both count twice), and its boundaries, populations and services
        replace yours where it has them.
      </p>
    </section>
  );
}

const shownCount = (count: PublishedCount | null, threshold: number) =>
  count === null ? 'no data' : count === SUPPRESSED ? `<${threshold + 1}` : formatCount(count);

/** A publication, read-only: who saved it, and each view's ward counts as published. */
function PublishedFigures({ contents }: { contents: PublicationContents }) {
  const { views, suppressedUpTo } = contents.published;
  return (
    <section className="workspace-summary" aria-label="What the workspace holds">
      <p>
        Saved by <strong>{contents.savedBy}</strong> on {formatDateTime(contents.savedAt)}: the
        published figures of {counted(views.length, 'view')}, read-only, counts of 1 to{' '}
        {suppressedUpTo} and those they could be worked out from shown as “&lt;
        {suppressedUpTo + 1}”.
      </p>
      {views.map((view) => (
        <table key={`${view.name}${view.search}`} className="published-table">
          <caption>
            {view.name}: {view.themeLabel}, {view.areaName}, {view.period}
          </caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col">Offences</th>
            </tr>
          </thead>
          <tbody>
            {view.wards.map((ward) => (
              <tr key={ward.code}>
                <th scope="row">{ward.name}</th>
                <td>{shownCount(ward.count, suppressedUpTo)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
