import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/decode.js';
import { InputError, formatMessage } from '../../src/model/messages.js';

const errorOf = (bytes: Uint8Array) => {
  try {
    decodeSource(bytes, 'x.md');
  } catch (e) {
    if (e instanceof InputError) return formatMessage(e.messages[0]!);
  }
  return 'no error';
};

describe('decodeSource', () => {
  it('accepts a BOM and CRLF silently', () => {
    expect(decodeSource(Buffer.from('\ufeffa\r\nb\r\n', 'utf8'), 'x.md')).toBe('a\nb\n');
  });

  it('names Windows-1252 and the position of the first bad byte', () => {
    const bytes = Buffer.from([0x61, 0x0a, 0x62, 0x84, 0x63, 0x93]); // a\nb„c“ in Windows-1252
    expect(errorOf(bytes)).toMatch(/^x\.md:2:2: error: not UTF-8 \(it looks like Windows-1252\)/);
  });

  it('falls back to Latin-1 when there are no Windows-1252 typographic bytes', () => {
    expect(errorOf(Buffer.from([0x47, 0x72, 0xfc, 0xdf]))).toMatch(/ISO-8859-1/);
  });

  it('refuses binary files and empty files', () => {
    expect(errorOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatch(/binary file/);
    expect(errorOf(Buffer.from(' \n\n'))).toMatch(/x\.md:1:1: error: the file is empty/);
  });
});
