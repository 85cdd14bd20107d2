/**
 * JavaScript sizes of a Vite build: the initial JavaScript (the entry script, its modulepreloads
 * and everything they import statically, i.e. all that loads before the first dynamic import)
 * and the total, both gzip level 9 in kB (1000 bytes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsSizes {
  initialKb: number;
  totalKb: number;
  initialFiles: string[];
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1000;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
}

/** Scripts index.html loads at once: `<script type="module" src>` and modulepreloads. */
function htmlScripts(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel') === 'modulepreload') urls.push(href);
  }
  return urls;
}

// `import{a as b}from"./x.js"`, `import * as x from "./x.js"`, `import"./x.js"` and
// `export{a}from"./x.js"`; not `import("./x.js")` (dynamic) nor `import.meta`.
const STATIC_IMPORT =
  /\b(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;

function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)]
    .map((match) => match[1] as string)
    .filter((specifier) => /^\.{0,2}\//.test(specifier));
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function jsSizes(outDir: string): JsSizes {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const queue = htmlScripts(html).map((url) => path.resolve(outDir, url.split(/[?#]/)[0] ?? ''));
  const initial = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (initial.has(file)) continue;
    initial.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8')))
      queue.push(path.resolve(path.dirname(file), specifier));
  }
  const sum = (files: Iterable<string>) => [...files].reduce((kb, file) => kb + gzipKb(file), 0);
  return {
    initialKb: sum(initial),
    totalKb: sum(allFiles(outDir).filter((file) => /\.m?js$/.test(file))),
    initialFiles: [...initial].map((file) => path.relative(outDir, file)),
  };
}
