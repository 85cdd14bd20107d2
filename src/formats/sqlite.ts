/**
 * SQLite for reading GeoPackages: sql.js, with its WebAssembly served from the app's own files
 * (a Vite asset beside the worker), never from elsewhere. Loaded once, on the first GeoPackage.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

let engine: Promise<SqlJsStatic> | null = null;

export function loadSqlite(): Promise<SqlJsStatic> {
  engine ??= initSqlJs({ locateFile: () => wasmUrl });
  return engine;
}
