/** Test fixtures: text as Excel on Windows saves it, in Windows-1252. */

/** Windows-1252 bytes of the few non-ASCII characters the tests write. */
const NON_ASCII: Readonly<Record<string, number>> = { é: 0xe9, '’': 0x92, '‘': 0x91 };

export function encodeWindows1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (character) => {
    const code = character.charCodeAt(0);
    const byte = code < 0x80 ? code : NON_ASCII[character];
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${character}`);
    return byte;
  });
}
