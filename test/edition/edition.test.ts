import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/edition/build.js';
import { buildEditions } from '../../src/edition/many.js';
import { Reporter } from '../../src/model/messages.js';
import type { Library } from '../../src/library/load.js';
import { fixtureLibrary } from '../select/helpers.js';
import { REPO } from '../cli/helpers.js';
import { epubcheckTs, epubFiles, navTree } from './epub-helpers.js';

const out = () => fs.mkdtempSync(path.join(os.tmpdir(), 'edition-build-'));
const options = () => ({ library: fixtureLibrary(), projectRoot: REPO, outDir: out(), formats: ['epub' as const], sourceDateEpoch: 1_700_000_000 });

describe('parts', () => {
  it('become a level of the EPUB nav: part → text → headings', async () => {
    const r = await buildEdition(
      {
        manifest: {
          title: 'Mit Teilen',
          parts: [
            { title: 'Teil I: 1917', texts: ['lenin-aufruf'] },
            { title: 'Teil II: Danach', texts: ['trotzki-armee', 'zeitung'] },
          ],
        },
      },
      options(),
    );
    const files = await epubFiles(fs.readFileSync(r.files[0]!.path));
    const nav = navTree(files.get('OEBPS/toc.xhtml')!);
    const shape = (n: { label: string; children: typeof nav }): unknown => (n.children.length ? { [n.label]: n.children.map(shape) } : n.label);
    expect(nav.map(shape)).toEqual([
      'Impressum',
      { 'Teil I: 1917': [{ 'Aufruf an die Arbeiter (W. I. Lenin)': ['Zweiter Abschnitt', 'Anmerkungen'] }] },
      { 'Teil II: Danach': [{ 'Über die Armee (L. Trotzki)': ['Anmerkungen'] }, 'Zeitungsartikel aus Zürich'] },
    ]);
    expect(files.get('OEBPS/toc.ncx')).toMatch(/<meta name="dtb:depth" content="3"\/>/);
    expect(await epubcheckTs(fs.readFileSync(r.files[0]!.path))).toEqual([]);
  });
});

describe('languages', () => {
  it('a mixed selection keeps each text in its own language; the edition takes the majority', async () => {
    const r = await buildEdition({ manifest: { title: 'Gemischt', texts: ['luxemburg-revolution', 'lenin-aufruf', 'zeitung'] } }, options());
    expect(r.edition.meta.lang).toBe('de');
    const files = await epubFiles(fs.readFileSync(r.files[0]!.path));
    expect(files.get('OEBPS/text-luxemburg-revolution.xhtml')).toMatch(/<html[^>]*xml:lang="en"/);
    expect(files.get('OEBPS/text-zeitung.xhtml')).toMatch(/<html[^>]*xml:lang="de-CH"/);
    expect(files.get('OEBPS/text-lenin-aufruf.xhtml')).toMatch(/<html[^>]*xml:lang="de"/);
    // Labels follow the text's language: an English text's notes are "Notes".
    expect(files.get('OEBPS/text-luxemburg-revolution.xhtml')).toContain('>Notes<');
    expect(await epubcheckTs(fs.readFileSync(r.files[0]!.path))).toEqual([]);
  });

  it('the manifest lang wins', async () => {
    const r = await buildEdition({ manifest: { title: 'English', lang: 'en', texts: ['lenin-aufruf'] } }, options());
    expect(r.edition.meta.lang).toBe('en');
  });
});

describe('metadata', () => {
  it('an ISBN becomes the identifier and is printed in the imprint', async () => {
    const r = await buildEdition({ manifest: { title: 'Mit ISBN', isbn: '978-3-16-148410-0', texts: ['lenin-brief'], publisher: 'Verlag' } }, options());
    const files = await epubFiles(fs.readFileSync(r.files[0]!.path));
    expect(files.get('OEBPS/content.opf')).toContain('<dc:identifier id="pub-id">urn:isbn:9783161484100</dc:identifier>');
    expect(files.get('OEBPS/imprint.xhtml')).toContain('ISBN 978-3-16-148410-0');
  });

  it('without an ISBN the identifier is a stable name-based UUID', async () => {
    const a = await buildEdition({ manifest: { title: 'Stabil', texts: ['lenin-brief'] } }, options());
    const b = await buildEdition({ manifest: { title: 'Stabil', texts: ['lenin-brief'] } }, options());
    expect(a.edition.meta.identifier).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5/);
    expect(a.edition.meta.identifier).toBe(b.edition.meta.identifier);
  });
});

describe('one library, many editions', () => {
  it('builds from the library it is given without reading the sources folder again', async () => {
    const library: Library = { ...fixtureLibrary(), dir: '/nonexistent' };
    const before = JSON.stringify(library.sources.map((s) => s.text));
    const run = await buildEditions(
      [
        { manifest: { title: 'Eins', texts: ['lenin-aufruf'] } },
        { manifest: { title: 'Zwei', query: { author: 'Lenin' }, notes: 'book' } },
        { manifest: { title: 'Kaputt', texts: ['gibt-es-nicht'] } },
      ],
      { ...options(), library, sourcesDir: '/nonexistent' },
    );
    expect(run.results.map((r) => r.edition.meta.slug)).toEqual(['eins', 'zwei']);
    // A failing edition does not stop the others, and says why.
    expect(run.failures.map((f) => f.messages.map((m) => m.rule))).toEqual([['selection-unknown-id']]);
    // Editions work on copies: the shared library is untouched.
    expect(JSON.stringify(library.sources.map((s) => s.text))).toBe(before);
  });

  it('reports every warning once', async () => {
    const reporter = new Reporter();
    reporter.warn('x', 'same', { file: 'f', line: 1 });
    reporter.warn('x', 'same', { file: 'f', line: 1 });
    const run = await buildEditions([], { ...options(), reporter });
    expect(run.warnings).toHaveLength(1);
  });
});
