/**
 * The column matchings the user saved: each can be changed or deleted, and all of them exported
 * as a small JSON file for colleagues, who import it here.
 */
import { useId, useState } from 'react';
import {
  type ColumnMapping,
  mappingsFileText,
  parseMappingsFile,
  ROLE_LABELS,
} from '../../formats/columnMapping.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../../ui/downloads.ts';
import { FileButton } from '../../ui/FileButton.tsx';

const MAPPINGS_FILE = 'column-matchings.json';

/** "Crime Reference: record ID (crime reference); Committed From Date: date (from); ..." */
function describeColumns(mapping: ColumnMapping): string {
  return mapping.columns
    .filter((column) => column.role !== 'ignore')
    .map((column) => `${column.name}: ${ROLE_LABELS[column.role]}`)
    .join('; ');
}

export function ColumnMappings() {
  const id = useId();
  const mappings = useAppStore((state) => state.columnMappings);
  const saveColumnMappings = useAppStore((state) => state.saveColumnMappings);
  const deleteColumnMapping = useAppStore((state) => state.deleteColumnMapping);
  const setMatching = useAppStore((state) => state.setMatching);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="column-mappings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Column matchings</h2>
      {mappings.length === 0 ? (
        <p>
          None saved. A file whose columns match no known format asks what each column holds; the
          answer is kept here for files with the same columns.
        </p>
      ) : (
        <ul>
          {mappings.map((mapping) => (
            <li key={mapping.id}>
              <p>
                <strong>{mapping.name}</strong> ({mapping.columns.length} columns
                {mapping.rowsAre === 'own_theme' ? ', a theme of its own' : ''}
                {mapping.rowsAre === 'boundaries' ? ', ward boundaries' : ''}):{' '}
                {describeColumns(mapping)}
              </p>
              <button
                type="button"
                onClick={() =>
                  setMatching({
                    file: null,
                    mapping,
                    columns: {
                      kind: 'columns',
                      fileName: mapping.name,
                      header: mapping.columns.map((column) => column.name),
                      rows: mapping.offenceThemes.map(([type]) =>
                        mapping.columns.map((column) =>
                          column.role === 'offence_type' ? type : '',
                        ),
                      ),
                      message: '',
                    },
                  })
                }
              >
                Change {mapping.name}
              </button>{' '}
              <button type="button" onClick={() => deleteColumnMapping(mapping.id)}>
                Delete {mapping.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="column-mapping-files">
        {mappings.length > 0 && (
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                new Blob([mappingsFileText(mappings)], { type: 'application/json' }),
                MAPPINGS_FILE,
              )
            }
          >
            Export column matchings
          </button>
        )}
        <FileButton
          label="Import column matchings"
          accept=".json,application/json"
          onFiles={async ([file]) => {
            if (!file) return;
            const read = parseMappingsFile(await file.text());
            if ('error' in read) {
              setMessage(`${file.name}: ${read.error}`);
              return;
            }
            saveColumnMappings(read.mappings);
            setMessage(
              `${file.name}: ${read.mappings.length} column ${read.mappings.length === 1 ? 'matching' : 'matchings'} imported.`,
            );
          }}
        />
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
