/**
 * Raw bytes → text. Unlike a source (which must be UTF-8), a raw file may
 * come from an old Windows editor or an OCR program: Windows-1252 is decoded
 * with a warning, so the editor knows the file was converted.
 */
import { fail } from '../model/messages.js';
import type { ImportReport } from './report.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Windows-1252 is ISO-8859-1 except 0x80–0x9F, where it has typographic characters („ “ – … €).
// Node's TextDecoder('windows-1252') returns C1 controls there (it decodes Latin-1), so the table is ours.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Decodes a raw file; binary and empty files are errors. Returns the text and the encoding it had. */
export function decodeRaw(bytes: Uint8Array, file: string, report: ImportReport): { text: string; encoding: string } {
  const nul = bytes.subarray(0, 8000).indexOf(0);
  if (nul !== -1) fail('import-binary', 'this is a binary file, not a text', { file, line: 1, column: 1 });
  let text: string;
  let encoding = 'UTF-8';
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeCp1252(bytes);
    encoding = 'Windows-1252';
    const line = text.slice(0, text.search(/[^\x00-\x7f]/) + 1).split('\n').length;
    report.doubt('import-encoding', 'not UTF-8: read as Windows-1252 and converted to UTF-8; check the umlauts', file, line);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') fail('import-empty', 'the file is empty', { file, line: 1, column: 1 });
  return { text, encoding };
}
