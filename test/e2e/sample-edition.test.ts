/**
 * End to end: build the shipped sample edition from the real sources into a
 * temp folder, open the EPUB and check what a reader relies on — every note
 * reference and backlink resolves, the note count matches the sources, the
 * metadata and typography are right, it validates, and it is reproducible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { buildEdition } from '../../src/edition/build.js';
import { anchorsOf, idsOf, openEpub, type EpubFiles } from '../helpers/epub.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANIFEST = path.join(ROOT, 'editions/russische-revolution.yaml');
const JAVA_EPUBCHECK = '/usr/share/java/epubcheck.jar';

async function build(outDir: string, epoch?: number): Promise<Buffer> {
  const result = await buildEdition({ manifestFile: MANIFEST }, { projectRoot: ROOT, outDir, formats: ['epub'], ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}) });
  return fs.readFileSync(result.files[0]!.path);
}

/** Footnote definitions in the sources: what the editions must hold. */
function definitionsInSources(): number {
  return fs
    .readdirSync(path.join(ROOT, 'sources'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'sources', f), 'utf8').match(/^\[\^[^\]]+\]:/gm)?.length ?? 0)
    .reduce((a, b) => a + b, 0);
}

describe('sample edition (EPUB)', () => {
  let bytes: Buffer;
  let epub: EpubFiles;
  let out: string;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-e2e-'));
    bytes = await build(out);
    epub = await openEpub(bytes);
  });

  it('starts with a stored mimetype', () => {
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(epub.text('mimetype')).toBe('application/epub+zip');
  });

  it('resolves every internal link, every note reference and every backlink', () => {
    const ids = new Map(epub.spine.map((f) => [f, idsOf(epub.text(f))]));
    let noterefs = 0;
    let backlinks = 0;
    for (const file of epub.spine) {
      for (const a of anchorsOf(epub.text(file))) {
        if (/^[a-z]+:/.test(a.href)) continue;
        const [target, fragment] = a.href.split('#') as [string, string | undefined];
        const targetFile = target ? `OEBPS/${target}` : file;
        expect(ids.has(targetFile), `${file}: ${a.href}`).toBe(true);
        if (fragment) expect(ids.get(targetFile)!.has(fragment), `${file}: ${a.href}`).toBe(true);
        if (a.attrs.includes('epub:type="noteref"')) {
          noterefs++;
          expect(a.attrs).toContain('role="doc-noteref"');
          expect(fragment).toMatch(/^note-/);
          // The note it reaches links back to this very reference.
          const refId = /id="([^"]+)"/.exec(a.attrs)![1]!;
          const noteHtml = epub.text(targetFile).split(`id="${fragment}"`)[1]!.split('</li>')[0]!;
          expect(noteHtml).toContain(`#${refId}"`);
        }
        if (a.attrs.includes('role="doc-backlink"')) backlinks++;
      }
    }
    expect(noterefs).toBe(38);
    expect(backlinks).toBe(38);
  });

  it('prints every note of the sources, the unanchored ones included', () => {
    const notes = epub.spine.map((f) => epub.text(f).match(/epub:type="endnote"/g)?.length ?? 0).reduce((a, b) => a + b, 0);
    expect(notes).toBe(definitionsInSources());
    expect(notes).toBe(40);
    const lenin = epub.text('OEBPS/text-lenin-1917-zk-aufruf.xhtml');
    expect(lenin).toContain('<section class="endnotes" epub:type="endnotes" role="doc-endnotes"');
    expect(lenin).toContain('homogenen sozialistischen Regierung');
  });

  it('has the metadata of the manifest and the texts', () => {
    const opf = epub.text('OEBPS/content.opf');
    expect(opf).toContain('<dc:language>de</dc:language>');
    // An anthology (the 101 KB main text names no author) is not credited to Lenin, who wrote 4 KB of it:
    // no editor, so no creator; Lenin is a contributor (issue 8, item 12).
    expect(opf).not.toContain('<dc:creator');
    // Names stay as written in metadata (no typographic spaces), so readers' libraries can match them.
    expect(opf).toContain('<dc:contributor id="contributor-1">W. I. Lenin</dc:contributor>\n  <meta refines="#contributor-1" property="role" scheme="marc:relators">aut</meta>');
    expect(epub.text('OEBPS/titlepage.xhtml')).not.toContain('Lenin');
    expect(opf).toContain('<dc:publisher>Edition Rote Reihe</dc:publisher>');
    expect(opf).toContain('<dc:source>W.\u202fI.\u00a0Lenin, Werke, Dietz Verlag Berlin 1961, Bd.\u00a026, S.\u00a0298–302</dc:source>');
    expect(opf).toMatch(/<dc:identifier id="pub-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    for (const p of ['schema:accessMode', 'schema:accessModeSufficient', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary']) expect(opf).toContain(`property="${p}"`);
    expect(opf).not.toMatch(/All rights reserved|xml:lang="en"/);
  });

  it('has a cover, a title page, an imprint with the sources, a contents page with headings, and landmarks', () => {
    expect(epub.spine.slice(0, 4)).toEqual(['OEBPS/cover.xhtml', 'OEBPS/titlepage.xhtml', 'OEBPS/imprint.xhtml', 'OEBPS/toc.xhtml']);
    expect(epub.text('OEBPS/cover.xhtml')).toContain('<img src="images/cover.png" alt="Die Russische Revolution"/>');
    expect(epub.text('OEBPS/imprint.xhtml')).toContain('Dietz Verlag Berlin 1961');
    const nav = epub.text('OEBPS/toc.xhtml');
    expect(nav).toContain('epub:type="toc"');
    expect(nav).toContain('epub:type="landmarks"');
    expect(nav).toContain('Der letzte Kampf von Lenin');
    expect(epub.text('OEBPS/toc.ncx')).toContain('Der letzte Kampf von Lenin');
  });

  it('sets German typography', () => {
    const article = epub.text('OEBPS/text-rote-armee-komintern-lenins-letzter-kampf.xhtml');
    expect(article).toContain('„');
    const words = article.replace(/<[^>]+>/g, '');
    expect(words).not.toMatch(/,,|"/);
    expect(article).toContain('\u00a0– ');
    expect(article).toContain('d.\u202fh.');
  });

  it('passes epubcheck-ts with no error and no warning', async () => {
    const result = await EpubCheck.validate(bytes);
    const problems = result.messages.filter((m: { severity: string }) => ['fatal', 'error', 'warning'].includes(m.severity.toLowerCase()));
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
  });

  it.skipIf(!fs.existsSync(JAVA_EPUBCHECK))('passes Java epubcheck with no error and no warning', () => {
    const file = path.join(out, 'russische-revolution.epub');
    const output = execFileSync('java', ['-jar', JAVA_EPUBCHECK, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toContain('No errors or warnings detected');
  });

  it('is byte-identical when built twice, and follows SOURCE_DATE_EPOCH', async () => {
    const again = await build(fs.mkdtempSync(path.join(os.tmpdir(), 'edition-e2e-')));
    if (!again.equals(bytes)) {
      const [x, y] = [await openEpub(bytes), await openEpub(again)];
      const differing = x.names.filter((n) => x.text(n) !== y.text(n));
      expect(differing, 'files that differ between two builds').toEqual([]);
    }
    expect(again.equals(bytes)).toBe(true);
    const dated = await openEpub(await build(fs.mkdtempSync(path.join(os.tmpdir(), 'edition-e2e-')), 1700000000));
    expect(dated.text('OEBPS/content.opf')).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>');
  });
});
