import { deflateRawSync } from 'node:zlib';
/**
 * The EPUB zip written with Node's zlib (src/render/epub/zip.ts) keeps the
 * container jszip wrote before: with nothing to compress the two archives are
 * byte for byte the same (headers, UTF-8 names, dates, folders, central
 * directory); with deflate, every entry reads back unchanged.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipEntry } from '../../../src/render/epub/zip.js';

const DATE = new Date(Date.UTC(2017, 10, 7, 13, 45, 30));
const text = (s: string) => new TextEncoder().encode(s);

const ENTRIES: ZipEntry[] = [
  { name: 'mimetype', dir: false, store: true, date: DATE, data: text('application/epub+zip') },
  { name: 'OEBPS/', dir: true, store: true, date: DATE, data: new Uint8Array() },
  { name: 'OEBPS/text.xhtml', dir: false, store: false, date: DATE, data: text('<p>Alle Macht den Räten! '.repeat(200) + '</p>') },
  { name: 'OEBPS/images/Räte-€.png', dir: false, store: false, date: DATE, data: Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 256) },
  { name: 'OEBPS/empty.css', dir: false, store: false, date: DATE, data: new Uint8Array() },
];

/** The same entries through jszip, as epub-gen-memory added them. */
function jszipOf(entries: ZipEntry[], compression: 'STORE' | 'DEFLATE'): JSZip {
  const zip = new JSZip();
  for (const e of entries) {
    if (e.dir) zip.folder(e.name.slice(0, -1));
    else zip.file(e.name, e.data, { date: e.date, compression: e.store ? 'STORE' : compression, createFolders: false });
  }
  zip.forEach((_, f) => void (f.date = DATE));
  return zip;
}

describe('writeZip', () => {
  it('writes the archive jszip writes when nothing is deflated', async () => {
    const stored = ENTRIES.map((e) => ({ ...e, store: true }));
    const theirs = await jszipOf(stored, 'STORE').generateAsync({ type: 'nodebuffer' });
    expect((await writeZip(stored)).equals(theirs)).toBe(true);
  });

  it('deflates each entry exactly as deflateRawSync at level 9 would', async () => {
    const bytes = await writeZip(ENTRIES);
    for (const e of ENTRIES.filter((x) => !x.dir && !x.store)) expect(bytes.includes(deflateRawSync(e.data, { level: 9 }))).toBe(true);
  });

  it('deflates with zlib: entries, order, dates, compression methods and contents read back as written', async () => {
    const bytes = await writeZip(ENTRIES);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(ENTRIES.map((e) => e.name));
    for (const e of ENTRIES) {
      const f = zip.files[e.name]!;
      expect(f.dir).toBe(e.dir);
      expect(f.date.getTime()).toBe(DATE.getTime());
      if (!e.dir) expect(Buffer.from(await f.async('uint8array')).equals(Buffer.from(e.data))).toBe(true);
    }
    // OCF: the mimetype is the first entry, stored, with no extra field, so its text sits at byte 38.
    expect(bytes.subarray(30, 58).toString('latin1')).toBe('mimetypeapplication/epub+zip');
    expect(bytes.readUInt16LE(8)).toBe(0);
    // The deflated text is smaller than the text.
    expect(bytes.length).toBeLessThan(ENTRIES.reduce((n, e) => n + e.data.length, 0));
  });

  it('gives the same bytes for the same entries', async () => {
    expect((await writeZip(ENTRIES)).equals(await writeZip(ENTRIES.map((e) => ({ ...e, data: e.data.slice() }))))).toBe(true);
  });
});
