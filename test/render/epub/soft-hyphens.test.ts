/**
 * The template option `epub: { soft-hyphens: true }` (template.yaml): soft
 * hyphens from the PDF's patterns in the EPUB's running text, for readers
 * that do not hyphenate (Chromium-based ones); off by default. Built through
 * the CLI both ways and checked by Java epubcheck; never inside URLs, ids,
 * attributes, headings, navigation or metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject, manifest, source } from '../../helpers/project.js';
import { formatFinding, javaEpubcheck, readEpub, requireTool, skipUnlessTool, type EpubBook } from '../../helpers/validators.js';

const SHY = '\u00ad';
const SKIP_JAVA = skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck');

const TEXT = source(
  { id: 'silben', title: 'Organisationsfragen der Revolution', author: 'Anna Autorin' },
  [
    'Die Organisationsfrage der Arbeiterbewegung[^1] steht auf https://beispiel.org/Organisationsfragen/Revolution und unter [der Adresse](https://beispiel.org/Arbeiterbewegung), Briefe an redaktion@arbeiterbewegung.de.',
    '',
    '## Verfassungsgebende Versammlung',
    '',
    'Der Link [https://beispiel.org/Verfassungsgebende](https://beispiel.org/Verfassungsgebende) bleibt ganz. Siehe [den Abschnitt über die Versammlung](silben.md#h-verfassungsgebende-versammlung) schließlich.',
    '',
    '[^1]: Eine Anmerkung über die Gewerkschaftsbewegung und ihre Selbstverwaltung.',
    '',
  ].join('\n'),
);

let project: TempProject;
const books = new Map<string, EpubBook>();

beforeAll(async () => {
  project = new TempProject({
    'sources/silben.md': TEXT,
    'templates/silben/template.yaml': 'description: Mit weichen Trennstrichen\nextends: buch\nepub:\n  soft-hyphens: true\n',
    'editions/aus.yaml': manifest({ title: 'Ohne Trennstriche', texts: ['silben'] }),
    'editions/an.yaml': manifest({ title: 'Mit Trennstrichen', template: 'silben', texts: ['silben'] }),
  });
  const r = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  for (const slug of ['an', 'aus']) books.set(slug, await readEpub(project.read(`dist/${slug}.epub`)));
}, 120_000);

afterAll(() => project.remove());

const file = (slug: string, name: string) => books.get(slug)!.entries.get(`OEBPS/${name}`)!.toString('utf8');

describe('soft-hyphens: true', () => {
  it('puts U+00AD into the running text and the notes, by the German patterns', () => {
    const text = file('an', 'text-silben.xhtml');
    expect(text).toContain(`Or${SHY}ga${SHY}ni${SHY}sa${SHY}ti${SHY}ons${SHY}frage der Ar${SHY}bei${SHY}ter${SHY}be${SHY}we${SHY}gung`);
    expect(text).toContain(`Ge${SHY}werk${SHY}schafts${SHY}be${SHY}we${SHY}gung`);
  });

  it('never puts one into a URL, an e-mail address, an attribute, a heading, the navigation or the metadata', () => {
    const text = file('an', 'text-silben.xhtml');
    expect(text).toContain('https://beispiel.org/Organisationsfragen/Revolution');
    expect(text).toContain('redaktion@arbeiterbewegung.de');
    expect(text).toContain('>https://beispiel.org/Verfassungsgebende</a>');
    for (const [, value] of text.matchAll(/\s[\w:-]+="([^"]*)"/g)) expect(value).not.toContain(SHY);
    for (const [, heading] of text.matchAll(/<h\d[^>]*>(.*?)<\/h\d>/g)) expect(heading).not.toContain(SHY);
    for (const name of ['toc.xhtml', 'toc.ncx', 'content.opf', 'titlepage.xhtml', 'imprint.xhtml']) expect(file('an', name), name).not.toContain(SHY);
  });

  it('keeps the last word of a paragraph whole', () => {
    expect(file('an', 'text-silben.xhtml')).toContain(' schließlich.</p>');
  });
});

describe('soft-hyphens off (the default)', () => {
  it('writes no U+00AD at all: search and read-aloud see whole words', () => {
    for (const [name, bytes] of books.get('aus')!.entries) expect(bytes.toString('utf8').includes(SHY), name).toBe(false);
    expect(file('aus', 'text-silben.xhtml')).toContain('Die Organisationsfrage der Arbeiterbewegung');
  });

  it('leaves hyphenation to the reader: hyphens: auto with the language on every document', () => {
    expect(file('aus', 'style.css')).toMatch(/body \{[^}]*hyphens: auto/);
    expect(file('aus', 'text-silben.xhtml')).toContain('xml:lang="de" lang="de"');
  });
});

it.skipIf(SKIP_JAVA)('both EPUBs pass Java epubcheck', () => {
  requireTool('javaEpubcheck', 'apt-get install -y epubcheck');
  for (const slug of ['an', 'aus']) expect(javaEpubcheck(project.path(`dist/${slug}.epub`)).map(formatFinding), slug).toEqual([]);
}, 120_000);

it('reports a wrong value of the option at its line in template.yaml', async () => {
  project.write('templates/falsch/template.yaml', 'description: Falsch\nextends: buch\nepub:\n  soft-hyphens: ja\n');
  project.write('editions/falsch.yaml', manifest({ title: 'Falsch', template: 'falsch', texts: ['silben'] }));
  const r = await project.run(['build', 'editions/falsch.yaml']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^templates\/falsch\/template\.yaml:4:\d+: error: epub\.soft-hyphens: .+ \[template-invalid\]\n$/);
}, 60_000);

it('warns when a text\'s language has no patterns, and builds it without soft hyphens', async () => {
  project.write('sources/nihon.md', source({ id: 'nihon', title: 'Nihon', lang: 'ja' }, 'Kakumei to heiwa.\n'));
  project.write('editions/nihon.yaml', manifest({ title: 'Nihon', template: 'silben', lang: 'ja', texts: ['nihon'] }));
  const r = await project.run(['build', 'editions/nihon.yaml']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('sources/nihon.md: warning: no hyphenation patterns for language "ja"; text "nihon" gets no soft hyphens [epub-hyphenation]\n');
  const book = await readEpub(project.read('dist/nihon.epub'));
  expect(book.entries.get('OEBPS/text-nihon.xhtml')!.toString('utf8')).toContain('Kakumei to heiwa.');
  if (!SKIP_JAVA) expect(javaEpubcheck(project.path('dist/nihon.epub')).map(formatFinding)).toEqual([]);
}, 90_000);
