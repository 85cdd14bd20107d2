/**
 * The column matchings the user saved (plain data: kept in the browser, exported as JSON, saved
 * in workspace files) and the table waiting in the "Match columns" step.
 */
import type { StoreApi } from 'zustand';
import type { ColumnMapping } from '../formats/columnMapping.ts';
import type { ColumnsToMatch } from '../formats/readFile.ts';

export interface ColumnMappingSlice {
  columnMappings: ColumnMapping[];
  /** A table in the "Match columns" step: its file (null when a saved matching is being changed
   * without one), its header and first rows, and the matching being changed, if any. */
  matching: { file: File | null; columns: ColumnsToMatch; mapping: ColumnMapping | null } | null;
  /** Saves matchings (the step's, a colleague's file, those kept from the last visit), each in
   * place of one with its id or its header's signature. */
  saveColumnMappings(mappings: readonly ColumnMapping[]): void;
  deleteColumnMapping(id: string): void;
  /** Forgets every saved matching ("Clear data"). */
  clearColumnMappings(): void;
  setMatching(matching: ColumnMappingSlice['matching']): void;
}

export function createColumnMappingSlice(
  set: StoreApi<ColumnMappingSlice>['setState'],
  get: StoreApi<ColumnMappingSlice>['getState'],
): ColumnMappingSlice {
  return {
    columnMappings: [],
    matching: null,
    saveColumnMappings: (mappings) => {
      let columnMappings = get().columnMappings;
      for (const mapping of mappings)
        columnMappings = [
          ...columnMappings.filter(
            (kept) => kept.id !== mapping.id && kept.signature !== mapping.signature,
          ),
          mapping,
        ];
      set({ columnMappings });
    },
    deleteColumnMapping: (id) =>
      set({ columnMappings: get().columnMappings.filter((kept) => kept.id !== id) }),
    clearColumnMappings: () => set({ columnMappings: [], matching: null }),
    setMatching: (matching) => set({ matching }),
  };
}
