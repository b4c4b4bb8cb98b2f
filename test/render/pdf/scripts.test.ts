/**
 * Every script in the print PDF (issue 11, items 3–4), through the real CLI:
 * a German text quoting Russian, Greek, Hebrew, Arabic, Chinese, Japanese and
 * symbols builds; pdftotext finds every word in reading order (Hebrew words
 * right to left); every font is embedded as a subset; the language of a span
 * chooses between Chinese and Japanese glyphs; Russian and Greek hyphenate
 * with their own patterns; the bytes are reproducible.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest, source, TempProject } from '../../helpers/project.js';
import { pdfFonts, tools } from '../../helpers/validators.js';

const RUSSIAN = 'Пролетарии всех стран, соединяйтесь! Государственная революционная демократическая конституция провозглашает неприкосновенность освобождённого человечества, пролетарская интернационалистическая солидарность преодолевает национальную ограниченность.';
const GREEK = 'Η φιλοσοφική επανάσταση της δημοκρατικής κοινωνίας προϋποθέτει την απελευθέρωση των εργαζομένων, η αντιπροσωπευτική δημοκρατία αντικαθίσταται από τη συμμετοχική αυτοδιάθεση.';

const TEXT = `Die Zeitung hieß <span lang="ru">Правда</span>, und Lenin schrieb: <span lang="ru">Вся власть Советам!</span> Auf Griechisch heißt Demokratie <span lang="el">δημοκρατία</span>.

Der Gruß <span lang="he">שלום עולם</span> steht mitten im deutschen Satz, das arabische <span lang="ar">مرحبا بكم</span> ebenso, dazu das chinesische <span lang="zh">中华人民共和国</span> und das japanische <span lang="ja">日本語の文章</span>.

Zeichen: → ≠ ½ № ✓ und ★, **fett שלום 中文**, *kursiv עולם*.

Erstens: <span lang="ru">${RUSSIAN}</span>

Zweitens: ${RUSSIAN}

Drittens: <span lang="el">${GREEK}</span>

Viertens: ${GREEK}
`;

let project: TempProject;
const pdf = () => project.path('dist/schriften.pdf');
let firstBuild: Buffer;

/**
 * pdftotext's text without the direction marks it puts around right-to-left
 * runs. In its default mode it joins lines (and words hyphenated across them)
 * into one string for searching words; `-layout` keeps the lines, for looking at line ends.
 */
function text(file: string, layout = false): string {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const t = r.stdout.replace(/[\u202A-\u202E]/g, '');
  if (layout) return t.replace(/[ \t]+$/gm, '');
  // A line break inside CJK text is no space: pdftotext's joining space between two such characters is dropped.
  return t.replace(/\s+/g, ' ').replace(new RegExp(`(?<=${CJK})\\s(?=${CJK})`, 'gu'), '');
}
const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';

describe.skipIf(!tools.pdftotext)('every script in the PDF', () => {
  beforeAll(async () => {
    project = new TempProject({
      'sources/schriften.md': source({ id: 'schriften', title: 'Schriften', author: 'Probe', lang: 'de' }, TEXT),
      'editions/schriften.yaml': manifest({ title: 'Schriften', texts: ['schriften'], formats: ['pdf'] }),
    });
    const r = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    firstBuild = project.read('dist/schriften.pdf');
  }, 120_000);
  afterAll(() => project?.remove());

  it('pdftotext finds every word and symbol, right-to-left words in reading order', () => {
    const t = text(pdf());
    for (const w of ['Правда', 'Вся власть Советам!', 'δημοκρατία', 'שלום עולם', 'مرحبا بكم', '中华人民共和国', '日本語の文章', '→ ≠ ½ № ✓', '★', 'fett שלום', '中文', 'kursiv עולם']) {
      expect(t, w).toContain(w);
    }
  });

  it('embeds every font, as a subset, with the fallback fonts that drew', () => {
    const fonts = pdfFonts(pdf());
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    // pdffonts marks a subset by the six-letter tag before "+".
    expect(fonts.filter((f) => !/^[A-Z]{6}\+/.test(f.name)).map((f) => f.name)).toEqual([]);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    for (const family of ['NotoSansHebrew', 'NotoSansHebrew-Bold', 'NotoNaskhArabic', 'NotoSansHans-Regular', 'NotoSansHans-Bold', 'NotoSansJP-Regular', 'NotoSansSymbols2-Regular']) {
      expect(names, family).toContain(family);
    }
    // Subsetting keeps the 8 MB CJK fonts out: a few pages stay small.
    expect(firstBuild.length).toBeLessThan(400_000);
  });

  it('is byte-identical when built again', async () => {
    const r = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(r.code).toBe(0);
    expect(project.read('dist/schriften.pdf').equals(firstBuild)).toBe(true);
  }, 120_000);

  it('hyphenates Russian and Greek with their own patterns where lang says so, and not otherwise', () => {
    const t = text(pdf(), true);
    const between = (from: string, to: string) => t.slice(t.indexOf(from), t.indexOf(to));
    const hyphenatedLines = (part: string, script: RegExp) => part.split('\n').filter((l) => script.test(l.slice(-2, -1)) && l.endsWith('-')).length;
    const cyr = /\p{Script=Cyrillic}/u;
    const grk = /\p{Script=Greek}/u;
    expect(hyphenatedLines(between('Erstens:', 'Zweitens:'), cyr)).toBeGreaterThan(0);
    // The same words in German text: German patterns have no Cyrillic letters, so no breaks inside them.
    expect(hyphenatedLines(between('Zweitens:', 'Drittens:'), cyr)).toBe(0);
    expect(hyphenatedLines(between('Drittens:', 'Viertens:'), grk)).toBeGreaterThan(0);
    expect(hyphenatedLines(t.slice(t.indexOf('Viertens:')), grk)).toBe(0);
  });

  it('chooses Japanese glyphs for lang="ja" and Chinese ones otherwise', async () => {
    const p = new TempProject({
      'sources/han.md': source({ id: 'han', title: 'Han', author: 'Probe', lang: 'de' }, 'Das Zeichen <span lang="zh">直</span> auf Chinesisch.\n'),
      'editions/han.yaml': manifest({ title: 'Han', texts: ['han'], formats: ['pdf'] }),
    });
    try {
      const r = await p.run(['build']);
      expect(r.code, r.stderr).toBe(0);
      const names = pdfFonts(p.path('dist/han.pdf')).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
      expect(names).toContain('NotoSansHans-Regular');
      expect(names).not.toContain('NotoSansJP-Regular');
      // The same character in a Japanese span is drawn from the Japanese font.
      p.write('sources/han.md', source({ id: 'han', title: 'Han', author: 'Probe', lang: 'de' }, 'Das Zeichen <span lang="ja">直</span> auf Japanisch.\n'));
      const r2 = await p.run(['build']);
      expect(r2.code, r2.stderr).toBe(0);
      const names2 = pdfFonts(p.path('dist/han.pdf')).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
      expect(names2).toContain('NotoSansJP-Regular');
      expect(names2).not.toContain('NotoSansHans-Regular');
      expect(text(p.path('dist/han.pdf'))).toContain('直');
    } finally {
      p.remove();
    }
  }, 120_000);
});
