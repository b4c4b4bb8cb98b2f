/**
 * Issue 8, item 3: with `notes: book` a note citing another note got a
 * backlink into the text document, although the reference sits in the notes
 * document (epubcheck RSC-012, exit 0). Every combination of note placement,
 * parts and notes citing notes is built through the CLI and checked by Java
 * epubcheck and by our own reading of every internal link.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject, manifest, source } from '../../helpers/project.js';
import { formatFinding, javaEpubcheck, readEpub, requireTool, skipUnlessTool, type EpubBook } from '../../helpers/validators.js';

const SKIP_JAVA = skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck');

const CITING = source(
  { id: 'zitate', title: 'Anmerkungen über Anmerkungen', author: 'Anna Autorin', date: '1919' },
  [
    'Der erste Satz verweist hierher.[^a] Der zweite dorthin.[^b]',
    '',
    '## Ein Abschnitt',
    '',
    'Noch einmal die erste Anmerkung.[^a]',
    '',
    '[^a]: Diese Anmerkung verweist auf eine andere.[^c] Siehe auch [den Abschnitt](zitate.md#h-ein-abschnitt) und [den anderen Text](schlicht.md#h-teil).',
    '',
    '[^b]: Zweite Anmerkung, die auch auf die dritte zeigt.[^c]',
    '',
    '[^c]: Nur aus Anmerkungen zitiert, und sie selbst zitiert die vierte.[^d]',
    '',
    '[^d]: Am Ende der Kette.',
    '',
  ].join('\n'),
);

const PLAIN = source(
  { id: 'schlicht', title: 'Ein schlichter Text', author: 'Bert Beiträger', date: '1920' },
  ['Ein Satz mit Anmerkung.[^1]', '', '## Teil', '', 'Und ohne.', '', '[^1]: Eine schlichte Anmerkung.', ''].join('\n'),
);

/** A source without notes citing notes, for the "no citing" side of the matrix. */
const SIMPLE = source({ id: 'einfach', title: 'Einfach', author: 'Bert Beiträger' }, ['Ein Satz.[^x] Noch einer.[^x]', '', '[^x]: Zweimal zitiert.', ''].join('\n'));

const CASES = (['text', 'book'] as const).flatMap((notes) =>
  [false, true].flatMap((parts) =>
    [false, true].map((citing) => ({ notes, parts, citing, slug: `n-${notes}${parts ? '-parts' : ''}${citing ? '-citing' : ''}` })),
  ),
);

let project: TempProject;
const books = new Map<string, EpubBook>();

beforeAll(async () => {
  project = new TempProject({ 'sources/zitate.md': CITING, 'sources/schlicht.md': PLAIN, 'sources/einfach.md': SIMPLE });
  for (const c of CASES) {
    const ids = c.citing ? ['zitate', 'schlicht'] : ['einfach', 'schlicht'];
    const selection = c.parts ? { parts: [{ title: 'Teil I', texts: [ids[0]] }, { title: 'Teil II', texts: [ids[1]] }] } : { texts: ids };
    project.write(`editions/${c.slug}.yaml`, manifest({ title: `Probe ${c.slug}`, notes: c.notes, ...selection }));
  }
  const r = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  for (const c of CASES) books.set(c.slug, await readEpub(project.read(`dist/${c.slug}.epub`)));
}, 120_000);

afterAll(() => project.remove());

describe.each(CASES)('notes: $notes, parts: $parts, notes citing notes: $citing', ({ slug, notes, citing }) => {
  it('every internal link resolves (our reading of the EPUB)', () => {
    const findings = books.get(slug)!.findings;
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it.skipIf(SKIP_JAVA)('Java epubcheck reports no error and no warning', () => {
    requireTool('javaEpubcheck', 'apt-get install -y epubcheck');
    const findings = javaEpubcheck(project.path(`dist/${slug}.epub`));
    expect(findings.map(formatFinding)).toEqual([]);
  }, 60_000);

  it.runIf(citing)('links a note cited from a note back to where that reference is placed', () => {
    const book = books.get(slug)!;
    const notesDoc = notes === 'book' ? 'OEBPS/notes.xhtml' : 'OEBPS/text-zitate.xhtml';
    const xhtml = book.entries.get(notesDoc)!.toString('utf8');
    // Note 3 ([^c]) is cited from notes 1 and 2, both in the notes document: its backlinks stay there.
    expect(xhtml).toMatch(/<li id="note-zitate-3"[^>]*><p><a class="note-number backlink" href="#ref-zitate-3"/);
    expect(xhtml).toContain('href="#ref-zitate-3-2"');
    // Note 1 is cited twice from the body: its number and its "a" link lead into the text.
    const toText = notes === 'book' ? 'text-zitate.xhtml' : '';
    expect(xhtml).toContain(`href="${toText}#ref-zitate-1" role="doc-backlink"`);
    expect(xhtml).toContain(`href="${toText}#ref-zitate-1-2" role="doc-backlink" aria-label="zurück zum Text (2)">a</a>`);
  });
});

it('builds reproducibly: the same input gives the same bytes', async () => {
  const before = fs.readFileSync(project.path('dist/n-book-parts-citing.epub'));
  const r = await project.run(['build', 'editions/n-book-parts-citing.yaml'], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(r.code).toBe(0);
  expect(fs.readFileSync(project.path('dist/n-book-parts-citing.epub')).equals(before)).toBe(true);
}, 60_000);
