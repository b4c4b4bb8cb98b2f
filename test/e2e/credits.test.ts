/**
 * Issue 8, item 12: who a book is by, through the CLI, in the EPUB package,
 * on both title pages and in the PDF's info dictionary. An anthology is by
 * its editors (role edt) or by nobody, its texts' authors are contributors
 * and stay on their own openings; a single-author edition is its author's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, TempProject, manifest, runCli, source } from '../helpers/project.js';
import { formatFinding, javaEpubcheck, readEpub, requireTool, skipUnlessTool, type EpubBook } from '../helpers/validators.js';

const SKIP_JAVA = skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck');
const SKIP_POPPLER = skipUnlessTool('pdftotext', 'apt-get install -y poppler-utils');

/** pdfinfo's fields (Title, Author, …). */
function pdfInfo(file: string): Record<string, string> {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  return Object.fromEntries(r.stdout.split('\n').flatMap((l) => (/^([A-Za-z]+):\s+(.*)$/.exec(l) ? [[RegExp.$1, RegExp.$2]] : [])));
}

/** The text of one PDF page. */
const pdfPage = (file: string, page: number) => spawnSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).stdout;

const relators = (opf: string, element: 'creator' | 'contributor') =>
  [...opf.matchAll(new RegExp(`<dc:${element} id="([^"]+)">([^<]+)</dc:${element}>\\s*<meta refines="#\\1" property="role" scheme="marc:relators">([a-z]+)</meta>`, 'g'))].map((m) => `${m[2]} (${m[3]})`);

const EDITIONS = {
  anthology: { title: 'Sammelband', editor: 'Erna Editorin', texts: ['anna-1', 'bert', 'anonym'] },
  'anthology-no-editor': { title: 'Ohne Herausgeber', texts: ['anna-1', 'anonym'] },
  single: { title: 'Anna gesammelt', editor: 'Erna Editorin', texts: ['anna-1', 'anna-2'] },
  explicit: { title: 'Ausdrücklich', author: 'Anna Autorin', texts: ['anna-1', 'anonym'] },
};

let project: TempProject;
const books = new Map<string, EpubBook>();

beforeAll(async () => {
  project = new TempProject({
    'sources/anna-1.md': source({ title: 'Erster Text', author: 'Anna Autorin' }, 'Annas erster Text.\n'),
    'sources/anna-2.md': source({ title: 'Zweiter Text', author: 'Anna Autorin' }, 'Annas zweiter Text.\n'),
    'sources/bert.md': source({ title: 'Berts Text', author: 'Bert Beiträger' }, 'Berts Text.\n'),
    'sources/anonym.md': source({ title: 'Ein Aufruf' }, 'Ein Text ohne Verfasser.\n'),
  });
  for (const [slug, m] of Object.entries(EDITIONS)) project.write(`editions/${slug}.yaml`, manifest({ ...m, formats: ['epub', 'pdf'] }));
  const r = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  for (const slug of Object.keys(EDITIONS)) books.set(slug, await readEpub(project.read(`dist/${slug}.epub`)));
}, 180_000);

afterAll(() => project.remove());

const opf = (slug: string) => books.get(slug)!.entries.get('OEBPS/content.opf')!.toString('utf8');
const xhtml = (slug: string, file: string) => books.get(slug)!.entries.get(`OEBPS/${file}`)!.toString('utf8');

describe('EPUB package and title page', () => {
  it('credits an anthology to its editor (edt); the texts\' authors are contributors (aut) and stay on their openings', () => {
    expect(relators(opf('anthology'), 'creator')).toEqual(['Erna Editorin (edt)']);
    expect(relators(opf('anthology'), 'contributor')).toEqual(['Anna Autorin (aut)', 'Bert Beiträger (aut)']);
    expect(xhtml('anthology', 'titlepage.xhtml')).not.toMatch(/Anna|Bert/);
    expect(xhtml('anthology', 'titlepage.xhtml')).toContain('<p class="title-editors">Herausgegeben von Erna Editorin</p>');
    expect(xhtml('anthology', 'text-bert.xhtml')).toContain('<p class="author">Bert Beiträger</p>');
  });

  it('credits an anthology without editor to nobody', () => {
    expect(opf('anthology-no-editor')).not.toContain('<dc:creator');
    expect(relators(opf('anthology-no-editor'), 'contributor')).toEqual(['Anna Autorin (aut)']);
    expect(xhtml('anthology-no-editor', 'titlepage.xhtml')).not.toContain('Anna');
  });

  it('credits a single-author edition to its author (aut), its editor as contributor (edt)', () => {
    expect(relators(opf('single'), 'creator')).toEqual(['Anna Autorin (aut)']);
    expect(relators(opf('single'), 'contributor')).toEqual(['Erna Editorin (edt)']);
    expect(xhtml('single', 'titlepage.xhtml')).toContain('<p class="title-authors">Anna Autorin</p>');
  });

  it('lets the manifest\'s explicit author win', () => {
    expect(relators(opf('explicit'), 'creator')).toEqual(['Anna Autorin (aut)']);
    expect(opf('explicit')).not.toContain('<dc:contributor');
  });

  it.skipIf(SKIP_JAVA)('every one of these EPUBs passes Java epubcheck', () => {
    requireTool('javaEpubcheck', 'apt-get install -y epubcheck');
    for (const slug of Object.keys(EDITIONS)) expect(javaEpubcheck(project.path(`dist/${slug}.epub`)).map(formatFinding), slug).toEqual([]);
  }, 240_000);
});

describe.skipIf(SKIP_POPPLER)('PDF info and title page', () => {
  it('writes the same creators as /Author and on the title page', () => {
    requireTool('pdftotext', 'apt-get install -y poppler-utils');
    const file = (slug: string) => project.path(`dist/${slug}.pdf`);
    expect(pdfInfo(file('anthology')).Author).toBe('Erna Editorin');
    expect(pdfInfo(file('anthology-no-editor')).Author).toBeUndefined();
    expect(pdfInfo(file('single')).Author).toBe('Anna Autorin');
    expect(pdfInfo(file('explicit')).Author).toBe('Anna Autorin');
    // Page 3 is the title page: the single author above the title; an anthology names only its editor.
    expect(pdfPage(file('single'), 3).trim().split(/\n+/)).toEqual(['Anna Autorin', 'Anna gesammelt', 'Herausgegeben von Erna Editorin']);
    expect(pdfPage(file('anthology'), 3).trim().split(/\n+/)).toEqual(['Sammelband', 'Herausgegeben von Erna Editorin']);
  });

  it('does not credit the sample edition to Lenin, who wrote 4 KB of its 105 KB', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-credits-'));
    try {
      const r = await runCli(REPO, ['build', 'editions/russische-revolution.yaml', '--format', 'pdf', '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: '0' } });
      expect(r.code, r.stderr).toBe(0);
      const info = pdfInfo(path.join(out, 'russische-revolution.pdf'));
      expect(info.Title).toBe('Die Russische Revolution. Dokumente und Analysen');
      expect(info.Author).toBeUndefined();
      expect(pdfPage(path.join(out, 'russische-revolution.pdf'), 3)).not.toContain('Lenin');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
