/**
 * Saved views: name the view on screen ("Tasking 3 Dec: Golborne and Colville") to come back to
 * it, and copy its link. Kept in this browser until Clear data, and saved in workspaces.
 */
import { type FormEvent, useId, useState } from 'react';
import { savedViewLink } from '../data/savedViews.ts';
import { useAppStore } from '../state/store.ts';
import { cameraFromSearch, viewFromSearch } from '../state/url.ts';
import { LinkToCopy, useCopyLink } from './copyLink.tsx';
import './savedViews.css';

export function SavedViews() {
  const id = useId();
  const savedViews = useAppStore((state) => state.savedViews);
  const saveView = useAppStore((state) => state.saveView);
  const removeSavedView = useAppStore((state) => state.removeSavedView);
  const showView = useAppStore((state) => state.showView);
  const [name, setName] = useState('');
  const { copyLink, linkToCopy, linkField, status, setStatus } = useCopyLink();

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    // The address bar always holds the view and the map's camera.
    saveView(trimmed, window.location.search);
    setName('');
    setStatus(`Saved “${trimmed}”.`);
  };

  return (
    <section className="saved-views" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Saved views</h2>
      {savedViews.length > 0 ? (
        <ul>
          {savedViews.map((view) => (
            <li key={view.id}>
              <span className="view-name">{view.name}</span>
              <button
                type="button"
                aria-label={`Show ${view.name}`}
                onClick={() => {
                  showView(viewFromSearch(view.search), cameraFromSearch(view.search));
                  setStatus(`Showing “${view.name}”.`);
                }}
              >
                Show
              </button>
              <button
                type="button"
                aria-label={`Copy link to ${view.name}`}
                onClick={() => copyLink(savedViewLink(view, window.location.href))}
              >
                Copy link
              </button>
              <button
                type="button"
                aria-label={`Delete ${view.name}`}
                onClick={() => {
                  removeSavedView(view.id);
                  setStatus(`Deleted “${view.name}”.`);
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">None yet: name this view to come back to it.</p>
      )}
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name of this view</label>
          <input
            id={`${id}-name`}
            className="text-input"
            type="text"
            value={name}
            placeholder="Tasking 3 Dec: Golborne and Colville"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" disabled={name.trim() === ''}>
          Save this view
        </button>
      </form>
      <LinkToCopy label="Link to the view" link={linkToCopy} fieldRef={linkField} />
      <p className="hint" role="status">
        {status}
      </p>
    </section>
  );
}
