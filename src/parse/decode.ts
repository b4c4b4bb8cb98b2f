/**
 * Turns the bytes of a source file into text, or says precisely why not.
 * Accepted silently: a UTF-8 byte-order mark and CRLF line endings.
 * Refused: binary files, text in another encoding (we say which it looks like),
 * and files with no text at all.
 */
import { fail } from '../model/messages.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Line and column (1-based) of a byte offset, counting characters as Latin-1 bytes. */
function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if ((bytes[i]! & 0xc0) !== 0x80) {
      column++;
    }
  }
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** Which 8-bit encoding the bytes most likely are, for the error message. */
function guessEncoding(bytes: Uint8Array): string {
  // 0x80–0x9F are control codes in ISO-8859-1 but typographic characters
  // („ “ – …) in Windows-1252, the usual culprit for text pasted from Word.
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return 'Windows-1252';
  return 'ISO-8859-1 (Latin-1)';
}

/** Decodes a source file; throws an InputError for binary, non-UTF-8 or empty input. */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const probe = bytes.subarray(0, 8000);
  const nul = probe.indexOf(0);
  if (nul !== -1) {
    fail('file-binary', 'this is a binary file, not a Markdown text', { file, ...lineColumnOfByte(bytes, nul) });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    fail(
      'file-encoding',
      `not UTF-8 (it looks like ${guessEncoding(bytes)}); convert it, e.g. with \`iconv -f ${guessEncoding(bytes).startsWith('Windows') ? 'WINDOWS-1252' : 'ISO-8859-1'} -t UTF-8\``,
      { file, ...lineColumnOfByte(bytes, Math.max(0, at)) },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') fail('file-empty', 'the file is empty', { file, line: 1, column: 1 });
  return text;
}
