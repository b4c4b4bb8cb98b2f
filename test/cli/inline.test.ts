/**
 * Issue 8, items 8, 9, 11 and 16 through the real CLI: French typography and
 * labels, raw inline HTML, code and addresses left as written, and the
 * link-fragment hint — in the EPUB (checked by epubcheck) and in the PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEpub, type EpubFiles } from '../helpers/epub.js';
import { diagnostics, manifest, source, TempProject, type CliResult } from '../helpers/project.js';
import { formatFinding, javaEpubcheck, pdfText, skipUnlessTool } from '../helpers/validators.js';

const NB = '\u00a0';
const NN = '\u202f';

// Enough French punctuation that, with breakable spaces, some PDF line would start with ": ; ! ? »".
const SENTENCES = [
  'Il dit : « Tout est perdu » ; puis il se tait.',
  'Pourquoi ? Parce que la guerre continue !',
  'Le comité répond : « Nous resterons » ; les soldats demandent "la paix".',
  'Qui décide ? Les conseils ; personne d\'autre !',
  'Le journal écrit : «Le pouvoir aux soviets» et rien de plus.',
];
const FRENCH_BODY = `${Array.from({ length: 12 }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ')}[^1]

## Première partie

Voir https://example.org/a--b et \`"ici" -- x\` ; il a dit "elle a dit "non" hier" et <q>c'est tout</q>.

[^1]: Une note : voir *Le Capital*, p. 12.
`;

const GERMAN_BODY = `Siehe https://example.org/a--b und <https://example.org/c--d> und [die "Seite"](https://example.org/e--f) und \`"here" -- x\`.

Roh: <a href="https://example.org/?q='x'--y">ein "Link"</a>, <abbr title="Kommunistische 'Internationale'">KI</abbr>, <cite>Was tun?</cite>, <q>ja</q>, <u>unterstrichen</u>, <s>gestrichen</s> und <del>getilgt</del>; <a href="ftp://example.org/f">Datei</a>.

Ein [Verweis](fr.md#Première) und ein [zweiter](fr.md#première-partie) und [weg](fehlt.md).

\`\`\`
"a" -- b...
\`\`\`
`;

let project: TempProject;
let build: CliResult;
let check: CliResult;
let fr: EpubFiles;
let de: EpubFiles;

beforeAll(async () => {
  project = new TempProject({
    'sources/fr.md': source({ title: 'Le "texte" : essai', lang: 'fr' }, FRENCH_BODY),
    'sources/de.md': source({ title: 'Probe' }, GERMAN_BODY),
    'editions/fr.yaml': manifest({ title: 'Édition française', lang: 'fr', texts: ['fr'], formats: ['epub', 'pdf'] }),
    'editions/de.yaml': manifest({ title: 'Probe', texts: ['de', 'fr'], formats: ['epub', 'pdf'] }),
  });
  build = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  check = await project.run(['check']);
  fr = await openEpub(project.read('dist/fr.epub'));
  de = await openEpub(project.read('dist/de.epub'));
}, 180_000);
afterAll(() => project.remove());

/** The PDF's content streams and ToUnicode maps, uncompressed. */
function pdfSource(rel: string): string {
  const out = project.path(`${rel}.qdf`);
  spawnSync('qpdf', ['--qdf', '--object-streams=disable', project.path(rel), out]);
  return fs.readFileSync(out, 'latin1');
}

describe('the build', () => {
  it('succeeds with exactly the expected warnings, each at file:line:col', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(diagnostics(build.stderr).messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.rule}`).sort()).toEqual([
      'sources/de.md:11:1 markdown-code',
      'sources/de.md:7:217 link-unsafe',
      'sources/de.md:9:5 link-fragment',
      'sources/de.md:9:76 link-missing-text',
    ]);
    expect(build.stderr).toContain('text `fr` has no heading `#Première` (did you mean `#h-premiere-partie`?)');
  });

  it.skipIf(skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck'))('writes EPUBs that pass epubcheck', () => {
    expect(javaEpubcheck(project.path('dist/fr.epub')).map(formatFinding)).toEqual([]);
    expect(javaEpubcheck(project.path('dist/de.epub')).map(formatFinding)).toEqual([]);
  });
});

describe('French typography (item 8)', () => {
  it('puts U+202F before ; ! ? and inside « », U+00A0 before the colon, in the EPUB', () => {
    const xhtml = fr.text('OEBPS/text-fr.xhtml');
    expect(xhtml).toContain(`Il dit${NB}: «${NN}Tout est perdu${NN}»${NN}; puis`);
    expect(xhtml).toContain(`Pourquoi${NN}? Parce que la guerre continue${NN}!`);
    expect(xhtml).toContain(`«${NN}Le pouvoir aux soviets${NN}»`);
    expect(xhtml).toContain(`il a dit «${NN}elle a dit “non” hier${NN}» et «${NN}c’est tout${NN}»`);
    expect(xhtml).toContain(`Une note${NB}: voir`);
    expect(xhtml).toContain(`Le «${NN}texte${NN}»${NB}: essai`);
    expect(xhtml).not.toMatch(/ [:;!?»]|« /);
  });

  it('uses the narrow no-break space in the PDF and never begins a line with : ; ! ? » or ends one with «', () => {
    // The PDF draws U+202F and U+00A0 as unbreakable gaps, not glyphs (their widths are checked in
    // test/render/pdf/linebreak-render.test.ts); pdftotext reads each gap back as a space.
    const lines = pdfText(project.path('dist/fr.pdf')).split('\n').map((l) => l.trim()).filter(Boolean);
    const body = lines.filter((l) => /[«»;?!:]/.test(l));
    expect(body.length).toBeGreaterThan(8);
    expect(lines.filter((l) => /^[:;!?»]/.test(l) || /«$/.test(l))).toEqual([]);
    expect(lines.join(' ')).toContain('Il dit : « Tout est perdu » ; puis');
  });

  it('labels a French edition in French, in the EPUB and the PDF', () => {
    expect(fr.text('OEBPS/toc.xhtml')).toContain('<h1 id="toc-h">Table des matières</h1>');
    expect(fr.text('OEBPS/imprint.xhtml')).toContain('Colophon');
    expect(fr.text('OEBPS/text-fr.xhtml')).toMatch(/<h2[^>]*>Notes<\/h2>/);
    expect(fr.text('OEBPS/text-fr.xhtml')).toContain('retour au texte');
    expect(fr.text('OEBPS/content.opf')).toContain('Texte structuré par des titres');
    const text = pdfText(project.path('dist/fr.pdf'));
    expect(text).toContain('Table des matières');
    expect(text).not.toMatch(/Contents|Inhalt|Anmerkungen/);
  });
});

describe('raw inline HTML (item 9)', () => {
  const xhtml = () => de.text('OEBPS/text-de.xhtml');

  it('makes <a href> a link and never typesets its attributes', () => {
    expect(xhtml()).toContain(`<a href="https://example.org/?q='x'--y">ein „Link“</a>`);
    expect(xhtml()).toContain('; Datei.');
    expect(xhtml()).not.toContain('&lt;a');
  });

  it('maps abbr, cite, q, u, s and del', () => {
    expect(xhtml()).toContain(`<abbr title="Kommunistische 'Internationale'">KI</abbr>`);
    expect(xhtml()).toContain('<cite>Was tun?</cite>, „ja“, <u>unterstrichen</u>, <s>gestrichen</s> und <s>getilgt</s>');
  });

  it('prints them in the PDF: words without tags, italics for cite, a rule under <u> and through <s>/<del>', () => {
    const text = pdfText(project.path('dist/de.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Roh: ein „Link“, KI, Was tun?, „ja“, unterstrichen, gestrichen und getilgt; Datei.');
    expect(text).not.toMatch(/<\/?(a|abbr|cite|q|u|s|del)\b/);
    // Three filled rules: under "unterstrichen", through "gestrichen" and "getilgt".
    expect(pdfSource('dist/de.pdf').match(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+ re f$/gm)).toHaveLength(3);
  });
});

describe('code and addresses are never typeset (item 11)', () => {
  it('keeps code spans, code blocks, bare URLs, autolinks and link targets as written in the EPUB', () => {
    const xhtml = de.text('OEBPS/text-de.xhtml');
    expect(xhtml).toContain('Siehe https://example.org/a--b und <a href="https://example.org/c--d">https://example.org/c--d</a>');
    expect(xhtml).toContain('<a href="https://example.org/e--f">die „Seite“</a>');
    expect(xhtml).toContain('<code>&quot;here&quot; -- x</code>');
    expect(xhtml).toContain('<code>&quot;a&quot; -- b...</code>');
    expect(fr.text('OEBPS/text-fr.xhtml')).toContain(`Voir https://example.org/a--b et <code>&quot;ici&quot; -- x</code>${NN};`);
  });

  it('and in the PDF text', () => {
    const text = pdfText(project.path('dist/de.pdf'));
    expect(text).toContain('Siehe https://example.org/a--b und https://example.org/c--d');
    expect(text).toContain('"here" -- x');
    expect(text).toContain('"a" -- b...');
    expect(text).not.toMatch(/a—b|a–b|“here”/);
  });
});

describe('link fragments (item 16)', () => {
  it('resolves a fragment that names the heading', () => {
    expect(de.text('OEBPS/text-de.xhtml')).toContain('<a href="text-fr.xhtml#h-premiere-partie">zweiter</a>');
  });

  it('edition check suggests the real anchor too', () => {
    const found = diagnostics(check.stdout).messages.filter((m) => m.rule === 'link-fragment');
    expect(found.map((m) => m.raw)).toEqual([
      'sources/de.md:9:5: warning: text `fr` has no heading `#Première` (did you mean `#h-premiere-partie`?); the link goes to the start of the text [link-fragment]',
    ]);
  });

  it('edition check reports a link to a missing source too', () => {
    expect(diagnostics(check.stdout).messages.filter((m) => m.rule === 'link-missing-text').map((m) => m.raw)).toEqual([
      'sources/de.md:9:76: warning: link to fehlt.md, which is not a source of the library; printed as plain text [link-missing-text]',
    ]);
  });

  it('edition check reports straight quotes in prose, not in code, addresses or tags', () => {
    const quotes = diagnostics(check.stdout).messages.filter((m) => m.rule === 'raw-straight-quote');
    // [die "Seite"] (line 5) and ein "Link" (line 7); not `"here"`, the code block or q='x'.
    expect(quotes.map((m) => `${m.line}:${m.column}`)).toEqual(['5:72', '5:78', '7:50', '7:55']);
  });
});
