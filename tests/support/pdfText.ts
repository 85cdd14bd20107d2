/**
 * What a PDF shows, read back for tests without a PDF library: every stream is inflated where
 * it is Flate-encoded, and the strings drawn with Tj (pdf-lib writes standard-font text as hex
 * strings of Windows-1252 bytes) are decoded. Also the fill colours set with "rg", and the
 * artifacts' text (the halos drawn round names).
 */
import { inflateSync } from 'node:zlib';

/** The whole file and its streams, inflated where they are compressed, as Latin-1 text. */
export function pdfStreams(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const found: string[] = [];
  const pattern = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const raw = Buffer.from(text.slice(start, end), 'latin1');
    found.push(
      (match[1] ?? '').includes('/FlateDecode')
        ? inflateSync(raw, { finishFlush: 2 }).toString('latin1')
        : raw.toString('latin1'),
    );
  }
  return [text, ...found];
}

/** Marked content that is not the page's content (PDF 1.7, 14.8.2.2), such as a label's halo. */
const ARTIFACT = /\/Artifact\s+BMC[\s\S]*?EMC/g;

/** The strings a stream shows with Tj, in drawing order. */
function shownIn(stream: string): string[] {
  const shown: string[] = [];
  for (const match of stream.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
    shown.push(Buffer.from(match[1] ?? '', 'hex').toString('latin1'));
  for (const match of stream.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) shown.push(match[1] ?? '');
  return shown;
}

/** The text drawn on the pages, one entry per Tj, in drawing order; artifacts left out, as a
 * reader of the text leaves them. */
export function pdfText(bytes: Uint8Array): string[] {
  return pdfStreams(bytes).flatMap((stream) => shownIn(stream.replace(ARTIFACT, '')));
}

/** How many page objects the file has. */
export function pdfPageCount(bytes: Uint8Array): number {
  return pdfStreams(bytes).reduce(
    (count, stream) => count + (stream.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0),
    0,
  );
}

/** The fill colours set on the pages, as #rrggbb. */
export function pdfFillColours(bytes: Uint8Array): Set<string> {
  const colours = new Set<string>();
  for (const stream of pdfStreams(bytes)) {
    for (const match of stream.matchAll(/([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg\b/g)) {
      const hex = [match[1], match[2], match[3]]
        .map((channel) =>
          Math.round(Number(channel) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('');
      colours.add(`#${hex}`);
    }
  }
  return colours;
}

/** Each artifact (marked content that is not the page's content) as its operators. */
export function pdfArtifacts(bytes: Uint8Array): string[] {
  return pdfStreams(bytes).flatMap((stream) => stream.match(ARTIFACT) ?? []);
}

/** The text drawn inside artifacts, per Tj. */
export function pdfArtifactText(bytes: Uint8Array): string[] {
  return pdfArtifacts(bytes).flatMap(shownIn);
}
