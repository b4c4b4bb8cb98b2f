/**
 * Every bad input gets a clear error, and no output is ever half-written.
 *
 * Each case runs the real CLI (`node lib/cli/bin.js build`) in a temporary
 * project with its own sources/ and editions/, over a previous good build in
 * dist/. A failing case must print exactly one `file:line:col: error: … [rule]`
 * line per problem and nothing else (no stack trace), exit with 1, and leave
 * dist/ byte for byte as it was. A case that only warns must build.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO, TempProject, diagnostics, manifest, source, type CliResult, type FileContent } from '../helpers/project.js';
import { activeContent, formatFinding, languageFindings, readEpub, spineText } from '../helpers/validators.js';

const GOOD_TEXT = source(
  { title: 'Der gute Text', author: 'Rosa Luxemburg', date: '1918-11' },
  'Ein erster Absatz mit einer Anmerkung.[^1]\n\n## Abschnitt\n\nNoch ein Absatz mit *Betonung*.\n\n[^1]: Die Anmerkung.\n',
);

/** The project every case starts from: one good text and one edition of it. */
const BASE: Record<string, FileContent> = {
  'sources/gut.md': GOOD_TEXT,
  'editions/probe.yaml': manifest({ title: 'Probe', texts: ['gut'] }),
};

const projects: TempProject[] = [];
let goodBuild: TempProject;

/** A project with BASE, `files` on top, and the previous good build in dist/. */
function project(files: Record<string, FileContent>): TempProject {
  const p = new TempProject({ ...BASE, ...files });
  projects.push(p);
  p.copyFrom(goodBuild.path('dist'), 'dist');
  return p;
}

beforeAll(async () => {
  goodBuild = new TempProject(BASE);
  projects.push(goodBuild);
  const r = await goodBuild.run(['build']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(goodBuild.list()).toEqual(['probe.epub']);
});

afterAll(() => {
  for (const p of projects) p.remove();
});

interface Expected {
  rule: string;
  /** The file the message names, as the end of its path. */
  file: string;
  line?: number;
  column?: number;
  reason?: RegExp;
}

const show = (r: CliResult) => `exit ${r.code}\n--- stderr ---\n${r.stderr}--- stdout ---\n${r.stdout}`;

/** Asserts a clean failure: one line per expected error, nothing else, exit 1, dist/ untouched. */
async function expectFailure(files: Record<string, FileContent>, expected: Expected[], args: string[] = ['build']): Promise<CliResult & { project: TempProject }> {
  const p = project(files);
  const before = p.snapshot();
  const listing = p.list();
  const r = await p.run(args);
  expect(r.stderr, show(r)).not.toMatch(/^\s+at /m);
  expect(r.stderr, show(r)).not.toMatch(/internal error|Error:|TypeError|ZodError/);
  const { messages, other } = diagnostics(r.stderr);
  expect(other, `stderr lines that are not file:line:col diagnostics\n${show(r)}`).toEqual([]);
  const errors = messages.filter((m) => m.severity === 'error');
  expect(errors.map((e) => e.rule), show(r)).toEqual(expected.map((e) => e.rule));
  errors.forEach((e, i) => {
    const want = expected[i]!;
    expect(e.file.replaceAll('\\', '/').endsWith(want.file), `${e.raw} should name ${want.file}`).toBe(true);
    if (want.line !== undefined) expect(e.line, e.raw).toBe(want.line);
    if (want.column !== undefined) expect(e.column, e.raw).toBe(want.column);
    if (want.reason) expect(e.reason, e.raw).toMatch(want.reason);
  });
  expect(r.code, show(r)).toBe(1);
  expect(p.list(), 'the output folder holds the same files').toEqual(listing);
  expect(p.snapshot(), 'the previous build is byte for byte intact').toEqual(before);
  return { ...r, project: p };
}

/** Asserts a build that succeeds with the given warnings (and no errors); returns the new EPUB. */
async function expectWarnings(files: Record<string, FileContent>, rules: string[]): Promise<{ r: CliResult; epub: Buffer; p: TempProject }> {
  const p = project(files);
  const r = await p.run(['build']);
  expect(r.stderr, show(r)).not.toMatch(/^\s+at /m);
  const { messages, other } = diagnostics(r.stderr);
  expect(other, show(r)).toEqual([]);
  expect(messages.filter((m) => m.severity === 'error'), show(r)).toEqual([]);
  expect(messages.map((m) => m.rule), show(r)).toEqual(rules);
  expect(r.code, show(r)).toBe(0);
  expect(p.list()).toEqual(['probe.epub']);
  return { r, epub: p.read('dist/probe.epub'), p };
}

describe.concurrent('front matter', () => {
  it('malformed YAML: error at the broken line', async () => {
    await expectFailure({ 'sources/kaputt.md': '---\ntitle: Ein Text\nauthor: [Lenin, Trotzki\ndate: 1917\n---\n\nText.\n' }, [
      { rule: 'yaml-syntax', file: 'sources/kaputt.md', reason: /invalid YAML/ },
    ]).then((r) => {
      const line = diagnostics(r.stderr).messages[0]!.line;
      expect(line === 3 || line === 4, `line ${line} should point into the flow sequence (lines 3–4)`).toBe(true);
    });
  });

  it('a missing required field', async () => {
    await expectFailure({ 'sources/ohne-titel.md': source({ author: 'Lenin' }, 'Text.\n') }, [
      { rule: 'frontmatter-field', file: 'sources/ohne-titel.md', line: 1, reason: /required field `title` is missing/ },
    ]);
  });

  it('a wrongly typed field: error at its line', async () => {
    await expectFailure({ 'sources/typ.md': '---\ntitle: Ein Text\ndate: gestern\n---\n\nText.\n' }, [
      { rule: 'frontmatter-field', file: 'sources/typ.md', line: 3, reason: /date/ },
    ]);
    await expectFailure({ 'sources/typ.md': '---\ntitle:\n  - eins\n  - zwei\n---\n\nText.\n' }, [{ rule: 'frontmatter-field', file: 'sources/typ.md', line: 2, reason: /title/ }]);
  });

  it('an unknown field is a warning with a suggestion, and the build succeeds', async () => {
    const { r } = await expectWarnings({ 'sources/gut.md': GOOD_TEXT.replace('author:', 'autor:') }, ['frontmatter-unknown-field']);
    expect(r.stderr).toMatch(/^.*sources\/gut\.md:3:1: warning: unknown field `autor` \(did you mean `author`\?\).*\[frontmatter-unknown-field\]$/m);
  });

  it('duplicate ids across sources', async () => {
    await expectFailure({ 'sources/zweiter.md': source({ id: 'gut', title: 'Ein anderer Text' }, 'Text.\n') }, [
      { rule: 'id-duplicate', file: 'sources/zweiter.md', reason: /`gut`/ },
    ]);
  });
});

describe.concurrent('notes', () => {
  it('a reference without a definition', async () => {
    await expectFailure({ 'sources/gut.md': GOOD_TEXT.replace('Noch ein Absatz', 'Noch[^fehlt] ein Absatz') }, [
      { rule: 'note-undefined', file: 'sources/gut.md', line: 11, column: 5, reason: /\[\^fehlt\]/ },
    ]);
  });

  it('a definition never referenced is a warning, and the note is still printed', async () => {
    const { r, epub } = await expectWarnings({ 'sources/gut.md': `${GOOD_TEXT}\n[^waise]: Eine verwaiste Anmerkung.\n` }, ['note-unused']);
    expect(r.stderr).toMatch(/gut\.md:15:1: warning: .*\[note-unused\]/);
    const book = await readEpub(epub);
    expect(book.findings.map(formatFinding)).toEqual([]);
    expect(spineText(book)).toContain('Eine verwaiste Anmerkung.');
  });

  it('two definitions with the same label', async () => {
    await expectFailure({ 'sources/gut.md': `${GOOD_TEXT}\n[^1]: Noch einmal dieselbe Marke.\n` }, [
      { rule: 'note-duplicate', file: 'sources/gut.md', line: 15, column: 1, reason: /first at line 13/ },
    ]);
  });
});

describe.concurrent('encodings and odd files', () => {
  it('Windows-1252 bytes: the message says so', async () => {
    const cp1252 = Buffer.concat([Buffer.from('---\ntitle: Alt\n---\n\nDie ', 'latin1'), Buffer.from([0x84]), Buffer.from('Arbeiter', 'latin1'), Buffer.from([0x93]), Buffer.from(' sagen.\n', 'latin1')]);
    await expectFailure({ 'sources/alt.md': cp1252 }, [{ rule: 'file-encoding', file: 'sources/alt.md', line: 5, column: 5, reason: /looks like Windows-1252/ }]);
  });

  it('a UTF-8 BOM and CRLF line endings are accepted silently, with identical output', async () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD_TEXT.replace(/\n/g, '\r\n'), 'utf8')]);
    const p = project({ 'sources/gut.md': crlf });
    const r = await p.run(['build']);
    expect(r.stderr, show(r)).toBe('');
    expect(r.code).toBe(0);
    expect(p.read('dist/probe.epub').equals(goodBuild.read('dist/probe.epub')), 'EPUB of the BOM/CRLF source equals the LF one').toBe(true);
  });

  it('an empty source', async () => {
    await expectFailure({ 'sources/leer.md': '' }, [{ rule: 'file-empty', file: 'sources/leer.md', line: 1, column: 1 }]);
  });

  it('a source with front matter and no body', async () => {
    await expectFailure({ 'sources/kopf.md': '---\ntitle: Nur ein Kopf\n---\n' }, [{ rule: 'text-empty', file: 'sources/kopf.md' }]);
  });

  it('a binary file posing as a source', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await expectFailure({ 'sources/bild.md': png }, [{ rule: 'file-binary', file: 'sources/bild.md', reason: /binary/ }]);
  });

  it('a binary file that is not a .md file is skipped, not parsed', async () => {
    const p = project({ 'sources/umschlag.png': Buffer.from('89504e470d0a1a0a0000', 'hex') });
    const r = await p.run(['build']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code, show(r)).toBe(0);
  });
});

describe.concurrent('raw HTML and unsafe links', () => {
  it('<div onclick> and <font> keep their words without their tags, <img> its alt; no handler reaches the EPUB', async () => {
    const body = '<div onclick="alert(1)">Hallo Welt</div>\n\nEin <font color="red">roter</font> Text mit <span lang="en" onmouseover="alert(2)">English</span> und <img src="x" alt="Bild" onerror="alert(3)">.\n';
    const { epub } = await expectWarnings({ 'sources/html.md': source({ title: 'HTML' }, body), 'editions/probe.yaml': manifest({ title: 'Probe', texts: ['gut', 'html'] }) }, [
      'html-unsupported', 'html-unsupported', 'html-attribute', 'image-inline',
    ]);
    const book = await readEpub(epub);
    expect(book.findings.map(formatFinding)).toEqual([]);
    expect(activeContent(book).map(formatFinding)).toEqual([]);
    const text = spineText(book);
    expect(text).toContain('Hallo Welt');
    expect(text).toContain('roter');
    expect(text).toContain('English');
    expect(text).toMatch(/Ein roter Text mit English und Bild\./);
    expect(text).not.toMatch(/<\/?(div|font|img)/);
  });

  it('a <span> with an invalid language tag: warning, words kept, no invalid lang in the EPUB', async () => {
    const body = 'Ein <span lang="x y">Wort</span> und <span lang=\'"><script>alert(1)</script>\'>zwei</span> und <span lang="en-GB">three</span>.\n';
    const { epub } = await expectWarnings({ 'sources/lang.md': source({ title: 'Sprachen' }, body), 'editions/probe.yaml': manifest({ title: 'Probe', texts: ['gut', 'lang'] }) }, [
      'html-attribute', 'html-attribute',
    ]);
    const book = await readEpub(epub);
    expect([...book.findings, ...activeContent(book), ...languageFindings(book)].map(formatFinding)).toEqual([]);
    expect(spineText(book)).toMatch(/Ein Wort und zwei und three/);
    expect(book.entries.get('OEBPS/text-lang.xhtml')!.toString()).toContain('<span xml:lang="en-GB" lang="en-GB">three</span>');
  });

  it('<script> is refused (block)', async () => {
    await expectFailure({ 'sources/gut.md': GOOD_TEXT.replace('## Abschnitt', '<script>alert(1)</script>\n\n## Abschnitt') }, [
      { rule: 'html-forbidden', file: 'sources/gut.md', line: 9, column: 1, reason: /script/ },
    ]);
  });

  it('<script> is refused (inline)', async () => {
    await expectFailure({ 'sources/gut.md': GOOD_TEXT.replace('Noch ein Absatz', 'Noch <script>alert(1)</script> ein Absatz') }, [
      { rule: 'html-forbidden', file: 'sources/gut.md', line: 11, column: 6, reason: /script/ },
    ]);
  });

  it('javascript: URLs never reach the EPUB', async () => {
    const body = '[Klick](javascript:alert(1)) und <javascript:alert(2)> und [Ref][x] und <a href="javascript:alert(4)">roh</a>.\n\n[x]: javascript:alert(3)\n';
    const { epub } = await expectWarnings({ 'sources/js.md': source({ title: 'JS' }, body), 'editions/probe.yaml': manifest({ title: 'Probe', texts: ['gut', 'js'] }) }, [
      'link-unsafe', 'link-unsafe', 'link-unsafe', 'link-unsafe',
    ]);
    const book = await readEpub(epub);
    expect(activeContent(book).map(formatFinding)).toEqual([]);
    for (const [name, bytes] of book.entries) expect(bytes.toString('utf8'), name).not.toMatch(/(href|src)="\s*javascript:/i);
    expect(spineText(book)).toContain('Klick');
    expect(spineText(book)).toContain('und roh.');
  });

  it('a link that leaves the project folder is refused', async () => {
    await expectFailure({ 'sources/gut.md': GOOD_TEXT.replace('Noch ein Absatz', 'Noch [ein](../../etc/passwd) Absatz') }, [
      { rule: 'path-outside-project', file: 'sources/gut.md', line: 11, column: 6, reason: /\.\.\/\.\.\/etc\/passwd/ },
    ]);
  });

  it('an image that leaves the project folder is refused', async () => {
    await expectFailure({ 'sources/gut.md': GOOD_TEXT.replace('## Abschnitt', '![Passwort](../../etc/passwd)\n\n## Abschnitt') }, [
      { rule: 'path-outside-project', file: 'sources/gut.md', line: 9, column: 1 },
    ]);
  });
});

describe.concurrent('images, templates, fonts', () => {
  it('an image that is a symbolic link out of the project is refused', async () => {
    const outside = new TempProject({ 'geheim.png': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') }, 'edition-outside-');
    projects.push(outside);
    const files = { 'sources/gut.md': GOOD_TEXT.replace('## Abschnitt', '![Ein Bild](bild.png)\n\n## Abschnitt') };
    const p = new TempProject({ ...BASE, ...files });
    projects.push(p);
    fs.symlinkSync(outside.path('geheim.png'), p.path('sources/bild.png'));
    p.copyFrom(goodBuild.path('dist'), 'dist');
    const before = p.snapshot();
    const r = await p.run(['build']);
    const { messages, other } = diagnostics(r.stderr);
    expect(other, show(r)).toEqual([]);
    expect(messages.map((m) => `${m.rule} ${m.line}:${m.column}`), show(r)).toEqual(['path-outside-project 9:1']);
    expect(r.code).toBe(1);
    expect(p.snapshot()).toEqual(before);
  });

  it('a missing image', async () => {
    await expectFailure({ 'sources/gut.md': GOOD_TEXT.replace('## Abschnitt', '![Ein Bild](bilder/fehlt.png)\n\n## Abschnitt') }, [
      { rule: 'image-invalid', file: 'sources/gut.md', line: 9, column: 1, reason: /not found/ },
    ]);
  });

  it('a file that is not an image', async () => {
    await expectFailure(
      { 'sources/bilder/falsch.png': 'Ich bin kein Bild.\n', 'sources/gut.md': GOOD_TEXT.replace('## Abschnitt', '![Ein Bild](bilder/falsch.png)\n\n## Abschnitt') },
      [{ rule: 'image-invalid', file: 'sources/gut.md', line: 9, column: 1, reason: /not a PNG or JPEG/ }],
    );
  });

  it('a manifest with malformed YAML: error at its line', async () => {
    await expectFailure({ 'editions/probe.yaml': 'title: Probe\ntexts: [gut\nformats: [epub]\n' }, [{ rule: 'yaml-syntax', file: 'editions/probe.yaml' }]);
  });

  it('a manifest naming an unknown text: error at the id, with a suggestion', async () => {
    await expectFailure({ 'editions/probe.yaml': manifest({ title: 'Probe', texts: ['gutt'] }) }, [
      { rule: 'selection-unknown-id', file: 'editions/probe.yaml', reason: /did you mean `gut`/ },
    ]);
  });

  it('a manifest naming an unknown template: error at its `template:` line', async () => {
    await expectFailure({ 'editions/probe.yaml': manifest({ title: 'Probe', texts: ['gut'], template: 'buchh' }) }, [
      { rule: 'template-unknown', file: 'editions/probe.yaml', reason: /buchh/ },
    ]).then((r) => {
      const m = diagnostics(r.stderr).messages[0]!;
      const line = fs.readFileSync(r.project.path('editions/probe.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('template:')) + 1;
      expect(m.line, m.raw).toBe(line);
    });
  });
});

describe.concurrent('several problems, and the output folder', () => {
  it('errors in two files: one line each, in one run', async () => {
    await expectFailure({ 'sources/eins.md': '', 'sources/zwei.md': source({ author: 'Lenin' }, 'Text.\n') }, [
      { rule: 'file-empty', file: 'sources/eins.md', line: 1, column: 1 },
      { rule: 'frontmatter-field', file: 'sources/zwei.md', line: 1 },
    ]);
  });

  it('a file where the output folder should be: a clear error, no stack trace', async () => {
    const p = project({});
    p.write('ausgabe', 'kein Ordner\n');
    const r = await p.run(['build', '--out', 'ausgabe']);
    expect(r.stderr, show(r)).not.toMatch(/^\s+at /m);
    // An output folder has no line to point at: `folder: error: … [rule]`.
    expect(r.stderr.trim(), show(r)).toBe('ausgabe: error: cannot create the output folder: a file stands where the output folder should be (ENOTDIR) [output-write]');
    expect(r.code, show(r)).toBe(1);
    expect(p.read('ausgabe').toString()).toBe('kein Ordner\n');
  });

  it('a folder where the output file should be: a clear error, the folder untouched', async () => {
    const p = new TempProject({ ...BASE, 'dist/probe.epub/inhalt.txt': 'bleibt\n' });
    projects.push(p);
    const r = await p.run(['build']);
    expect(r.stderr, show(r)).not.toMatch(/^\s+at /m);
    expect(r.stderr.trim(), show(r)).toMatch(/^\S*dist\/probe\.epub: error: cannot write the output file: .+ \[output-write\]$/);
    expect(r.code, show(r)).toBe(1);
    expect(p.read('dist/probe.epub/inhalt.txt').toString()).toBe('bleibt\n');
    expect(p.list().filter((n) => n.startsWith('.edition-tmp-')), 'no temporary left behind').toEqual([]);
  });
});

/**
 * PDF fonts, through the CLI with a project template that `extends: buch`
 * and overrides pdf.yaml. Skipped until src/render/pdf/index.ts exists.
 */
describe.concurrent('PDF fonts', () => {
  const buchPdf = () => parse(fs.readFileSync(path.join(REPO, 'templates/buch/pdf.yaml'), 'utf8')) as { fonts: Record<string, Record<string, string>> };

  /**
   * buch's pdf.yaml for a template in another folder: every font path made
   * absolute (`npm:` ones resolved from the package), and the regular face of
   * the first family replaced by `font` when given.
   */
  function pdfYamlWithRegular(font?: string, keepNpm = false): string {
    const config = buchPdf();
    const require = createRequire(path.join(REPO, 'package.json'));
    for (const [family, faces] of Object.entries(config.fonts)) {
      // The fallback chain is a list, not a family; its npm: references resolve as they are.
      if (family === 'fallback') continue;
      for (const [k, spec] of Object.entries(faces)) {
        if (spec.startsWith('npm:')) faces[k] = keepNpm ? spec : require.resolve(spec.slice(4));
        else if (!path.isAbsolute(spec)) faces[k] = path.join(REPO, 'templates/buch', spec);
      }
    }
    if (font) config.fonts[Object.keys(config.fonts)[0]!]!.regular = font;
    return stringify(config);
  }

  const pdfEdition = (template: string) => manifest({ title: 'Probe', texts: ['gut'], template, formats: ['epub', 'pdf'] });

  it('a project template may name fonts as `npm:` paths, as buch does', async () => {
    const p = project({
      'templates/druck/template.yaml': 'description: Probe-Druck\nextends: buch\n',
      'templates/druck/pdf.yaml': pdfYamlWithRegular(undefined, true),
      'editions/probe.yaml': pdfEdition('druck'),
    });
    const r = await p.run(['build']);
    expect(r.stderr, show(r)).toBe('');
    expect(r.code, show(r)).toBe(0);
    expect(p.list()).toEqual(['probe.epub', 'probe.pdf']);
  });

  it('a missing font file: error naming pdf.yaml, previous build intact', async () => {
    await expectFailure(
      {
        'templates/druck/template.yaml': 'description: Probe-Druck\nextends: buch\n',
        'templates/druck/pdf.yaml': pdfYamlWithRegular('fonts/gibt-es-nicht.ttf'),
        'editions/probe.yaml': pdfEdition('druck'),
      },
      [{ rule: 'pdf-font', file: 'templates/druck/pdf.yaml', reason: /gibt-es-nicht\.ttf/ }],
    );
  });

  it('a font that is not a font: error naming pdf.yaml', async () => {
    await expectFailure(
      {
        'templates/druck/template.yaml': 'description: Probe-Druck\nextends: buch\n',
        'templates/druck/fonts/kaputt.ttf': 'keine Schrift\n',
        'templates/druck/pdf.yaml': pdfYamlWithRegular('fonts/kaputt.ttf'),
        'editions/probe.yaml': pdfEdition('druck'),
      },
      [{ rule: 'pdf-font', file: 'templates/druck/pdf.yaml', reason: /kaputt\.ttf/ }],
    );
  });

  it('a character no font of the fallback chain has: error at the character in the source', async () => {
    const r = await expectFailure(
      {
        'templates/druck/template.yaml': 'description: Probe-Druck\nextends: buch\n',
        'templates/druck/pdf.yaml': pdfYamlWithRegular(),
        'editions/probe.yaml': pdfEdition('druck'),
        'sources/gut.md': GOOD_TEXT.replace('Noch ein Absatz', 'Noch 𒀀 ein Absatz'),
      },
      [{ rule: expect.stringMatching(/glyph|font/) as unknown as string, file: 'sources/gut.md', line: 11, reason: /fallback chain have no glyph for .*(12000|𒀀)/i }],
    );
    // Cuneiform: no font of the default chain has it.
    expect(r.stderr).toMatch(/𒀀|U\+12000/i);
  });
});
