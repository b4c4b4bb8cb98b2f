/**
 * The EPUB's cover through the real CLI: the drawn cover (cover-image item,
 * <meta name="cover">, a cover page first in the spine whose image's alt is
 * the title, not in the contents), a manifest's own image used instead and
 * checked, and a missing one an error at its line. Every EPUB passes epubcheck.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { diagnostics, source, TempProject } from '../../helpers/project.js';
import { openEpub } from '../../helpers/epub.js';
import { tinyPng } from '../../helpers/png.js';
import { imageInfo } from '../../../src/cover/own.js';
import { formatFinding, skipUnlessTool } from '../../helpers/validators.js';
import { epubcheckMany } from '../../helpers/epubcheck-many.js';

const SKIP_JAVA = skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck');
const OWN = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="2560"><rect width="1600" height="2560" fill="#345"/></svg>').render().asPng();

let p: TempProject;
let built: Awaited<ReturnType<TempProject['run']>>;
beforeAll(async () => {
  p = new TempProject({
    'sources/a.md': source({ title: 'Erster Text', author: 'Rosa Luxemburg' }, 'Ein Absatz.\n'),
    'editions/drawn.yaml': 'title: Die Russische Revolution\nsubtitle: Dokumente\nseries: Texte zur Geschichte\npublisher: Edition Rote Reihe\ntexts: [a]\nformats: [epub]\n',
    'editions/own.yaml': 'title: Eigenes Bild\ntexts: [a]\nformats: [epub]\ncover: ../covers/own.png\n',
    'editions/small.yaml': 'title: Zu klein\ntexts: [a]\nformats: [epub]\ncover: ../covers/tiny.png\n',
    'covers/own.png': OWN,
    'covers/tiny.png': tinyPng(),
    'missing/missing.yaml': 'title: Fehlt\ntexts: [a]\nformats: [epub]\ncover: covers/none.jpg\n',
  });
  built = await p.run(['build']);
}, 300_000);
afterAll(() => p.remove());

describe('EPUB cover', () => {
  it('the drawn cover: cover-image item, meta cover, cover page first in the spine with the title as alt, landmark, not in the contents', async () => {
    expect(built.code).toBe(0);
    const epub = await openEpub(p.read('dist/drawn.epub'));
    const opf = epub.text('OEBPS/content.opf');
    expect(opf).toContain('<item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>');
    expect(opf).toContain('<meta name="cover" content="cover-image"/>');
    expect(opf).toMatch(/<meta property="belongs-to-collection" id="series">Texte zur Geschichte<\/meta>/);
    expect(epub.spine[0]).toBe('OEBPS/cover.xhtml');
    const page = epub.text('OEBPS/cover.xhtml');
    expect(page).toMatch(/<section class="cover" epub:type="cover"[^>]*>\s*<img src="images\/cover.png" alt="Die Russische Revolution"\/>/);
    const nav = epub.text('OEBPS/toc.xhtml');
    expect(nav).toContain('<a epub:type="cover" href="cover.xhtml">Umschlag</a>');
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('epub:type="landmarks"'));
    expect(toc).not.toContain('cover.xhtml');
    const zip = (await import('jszip')).default;
    const png = await (await zip.loadAsync(p.read('dist/drawn.epub'))).file('OEBPS/images/cover.png')!.async('nodebuffer');
    expect(imageInfo(png)).toEqual({ mediaType: 'image/png', width: 1600, height: 2560 });
  });

  it('a manifest’s own image is used as it is; one too small for the shops is a warning at the cover: line', async () => {
    const zip = (await import('jszip')).default;
    const own = await (await zip.loadAsync(p.read('dist/own.epub'))).file('OEBPS/images/cover.png')!.async('nodebuffer');
    expect(own.equals(OWN)).toBe(true);
    const { messages } = diagnostics(built.stderr);
    expect(messages.map((m) => `${m.file}:${m.line} ${m.severity} ${m.rule}`)).toEqual(['editions/small.yaml:4 warning cover-image-size']);
    expect(messages[0]!.reason).toMatch(/1 × 1 px is below KDP's minimum of 625 × 1000/);
  });

  it('a missing cover image is an error at its line, and nothing is written', async () => {
    const r = await p.run(['build', 'missing/missing.yaml', '--out', 'out']);
    expect(r.code).not.toBe(0);
    expect(diagnostics(r.stderr).messages.map((m) => `${m.file}:${m.line} ${m.rule}`)).toEqual(['missing/missing.yaml:4 cover-image']);
    expect(r.stderr).toMatch(/cover image covers\/none.jpg cannot be read \(no such file\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(p.list('out')).toEqual([]);
  });

  it.skipIf(SKIP_JAVA)('every EPUB with a cover passes epubcheck with no error or warning', () => {
    const results = epubcheckMany(['drawn', 'own', 'small'].map((name) => p.path(`dist/${name}.epub`)));
    for (const [file, findings] of results) expect({ file, findings: findings.map(formatFinding) }).toEqual({ file, findings: [] });
  }, 300_000);
});
