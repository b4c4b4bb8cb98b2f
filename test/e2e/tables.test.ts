/**
 * GFM tables through the real CLI (issue 8, item 10): a text with a table
 * and a note in a cell, and a long table, built as EPUB and PDF and checked
 * the way a reader meets them — epubcheck, the XHTML, the PDF's text page by
 * page, and the links a reader clicks in both directions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { TempProject, diagnostics, manifest, source, type CliResult } from '../helpers/project.js';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, javaEpubcheck, skipUnlessTool } from '../helpers/validators.js';
import { noteDest, refDest } from '../../src/render/pdf/names.js';

const SHORT = [
  'Vor der Tabelle ein Absatz.',
  '',
  '| Jahr | Ereignis                               | Mitglieder |',
  '|:-----|:---------------------------------------|-----------:|',
  '| 1917 | Die "Oktoberrevolution" -- *der* Umsturz[^a] |    240 000 |',
  '| 1918 | Gründung der [KPD](https://example.org/kpd)  |      3 000 |',
  '',
  'Nach der Tabelle.',
  '',
  '[^a]: Eine Anmerkung aus einer Tabellenzelle.',
  '',
].join('\n');

const LONG_ROWS = 80;
const LONG = [
  'Eine lange Tabelle.',
  '',
  '| Jahrgang | Vorgang | Anzahl |',
  '|----------|---------|-------:|',
  ...Array.from({ length: LONG_ROWS }, (_, i) => `| ${1900 + i} | Vorgang Nummer ${i}${i % 9 === 0 ? ' mit einer längeren Beschreibung, die in der Spalte umbricht' : ''} | ${i * 13} |`),
  '',
].join('\n');

const WIDE = [
  '| Spalte eins | Spalte zwei | Spalte drei | Spalte vier | Spalte fünf | Spalte sechs |',
  '|---|---|---|---|---|---|',
  '| Donaudampfschifffahrtsgesellschaft | Arbeiterorganisationen | Gewerkschaftsbewegung | Selbstverwaltungsorgane | Fabrikkomitees | Übergangszeit |',
  '',
].join('\n');

/**
 * Opens a content document of the unpacked EPUB in headless Chromium at phone
 * width (360 px) and measures: the page's own width, and each table against its wrapper.
 */
function phoneWidths(dir: string, doc: string): { page: number; view: number; tables: { wrap: number; table: number; overflow: string }[] } {
  const probe = path.join(dir, 'probe.html');
  fs.writeFileSync(probe, `<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="${doc}" style="width:360px;height:640px;border:0"></iframe><pre id="out">pending</pre>
<script>document.getElementById('f').addEventListener('load', () => {
  const d = document.getElementById('f').contentDocument;
  const tables = [...d.querySelectorAll('.table-wrap')].map((w) => ({ wrap: w.clientWidth, table: w.querySelector('table').scrollWidth, overflow: getComputedStyle(w).overflowX }));
  document.getElementById('out').textContent = JSON.stringify({ page: d.documentElement.scrollWidth, view: d.documentElement.clientWidth, tables });
});</script></body></html>`);
  const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--virtual-time-budget=3000', '--dump-dom', `file://${probe}`], { encoding: 'utf8', timeout: 90_000 });
  const m = /<pre id="out">([^<]*)</.exec(r.stdout);
  if (!m || m[1] === 'pending') throw new Error(`chromium gave no measurement: ${r.stderr.slice(-500)}`);
  return JSON.parse(m[1]!.replace(/&quot;/g, '"'));
}

/** Text of one PDF page, laid out (columns stay on their line). */
function pageText(pdf: string, page: number): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

function pageCount(pdf: string): number {
  const r = spawnSync('qpdf', ['--show-npages', pdf], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

/** Link annotations (page number, target name) and named destinations, read with qpdf --json. */
function pdfLinks(pdf: string): { links: { page: number; dest?: string; uri?: string }[]; dests: Set<string> } {
  const r = spawnSync('qpdf', ['--json=2', pdf], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const d = JSON.parse(r.stdout) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value?: unknown }>] };
  const objs = d.qpdf[1];
  const res = (v: unknown): any => {
    while (typeof v === 'string' && v.endsWith(' R')) v = objs[`obj:${v}`]?.value;
    return v;
  };
  const str = (v: unknown) => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : undefined);
  const dests = new Set<string>();
  const walk = (node: any) => {
    node = res(node);
    if (!node || typeof node !== 'object') return;
    const names = node['/Names'];
    if (Array.isArray(names)) for (let i = 0; i < names.length; i += 2) dests.add(str(names[i])!);
    for (const kid of node['/Kids'] ?? []) walk(kid);
  };
  const catalog = Object.values(objs).map((o) => o.value as any).find((v) => v && v['/Type'] === '/Catalog');
  walk(res(catalog?.['/Names'])?.['/Dests']);
  const links: { page: number; dest?: string; uri?: string }[] = [];
  d.pages.forEach((p, i) => {
    for (const a0 of res(res(p.object)?.['/Annots']) ?? []) {
      const a = res(a0);
      if (a?.['/Subtype'] !== '/Link') continue;
      const action = res(a['/A']);
      if (action?.['/S'] === '/URI') links.push({ page: i + 1, uri: str(action['/URI']) });
      else links.push({ page: i + 1, dest: str(res(action?.['/D'] ?? a['/Dest'])) });
    }
  });
  return { links, dests };
}

describe('GFM tables through the CLI', () => {
  const project = new TempProject({
    'sources/tab.md': source({ title: 'Mit Tabelle', lang: 'de' }, SHORT),
    'sources/lang.md': source({ title: 'Lange Tabelle', lang: 'de' }, LONG),
    'sources/breit.md': source({ title: 'Breite Tabelle', lang: 'de' }, WIDE),
    'editions/tab.yaml': manifest({ title: 'Tabellen', texts: ['tab', 'lang', 'breit'], formats: ['epub', 'pdf'] }),
  });
  let build: CliResult;
  let check: CliResult;
  let xhtml: string;

  beforeAll(async () => {
    build = await project.run(['build', '--json'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    check = await project.run(['check']);
    check.stderr += check.stdout;
    const zip = await JSZip.loadAsync(project.read('dist/tab.epub'));
    const file = Object.keys(zip.files).find((n) => n.endsWith('text-tab.xhtml'))!;
    xhtml = await zip.file(file)!.async('string');
  }, 180_000);
  afterAll(() => project.remove());

  it('builds without a warning', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(diagnostics(build.stderr).messages).toEqual([]);
  });

  it('`edition check` is silent on tables (padding spaces and pipes are syntax)', () => {
    expect(check.code, check.stderr).toBe(0);
    // Only the straight quotes the source really has are reported, nothing about the table's layout.
    expect(diagnostics(check.stderr).messages.map((m) => m.rule)).toEqual(['raw-straight-quote', 'raw-straight-quote']);
  });

  it.skipIf(skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck'))('writes an EPUB that passes epubcheck with 0 errors and 0 warnings', () => {
    expect(javaEpubcheck(project.path('dist/tab.epub'))).toEqual([]);
  }, 120_000);

  it('writes a real table in the EPUB: thead with th scope=col, tbody with td, aligned by class', () => {
    expect(xhtml).toContain('<thead>\n<tr><th scope="col" class="align-left">Jahr</th><th scope="col" class="align-left">Ereignis</th><th scope="col" class="align-right">Mitglieder</th></tr>\n</thead>');
    expect(xhtml.match(/<td/g)).toHaveLength(6);
    expect(xhtml).toContain('<td class="align-right">240\u00a0000</td>'.replace('\u00a0', ' '));
    expect(xhtml).not.toMatch(/\|[-–—]{2,}|\|:?—/);
    // Typography in cells as in paragraphs.
    expect(xhtml).toContain('Die „Oktoberrevolution“\u00a0– <em>der</em> Umsturz');
  });

  it('links a note reference in a cell to its note and back in the EPUB', () => {
    expect(xhtml).toMatch(/<td class="align-left">[^<]*„Oktoberrevolution“[^]*?<a class="noteref" epub:type="noteref" role="doc-noteref" id="ref-tab-1" href="#note-tab-1"/);
    expect(xhtml).toContain('<li id="note-tab-1" class="endnote" epub:type="endnote"');
    expect(xhtml).toMatch(/<a class="note-number backlink" href="#ref-tab-1" role="doc-backlink"/);
  });

  it.skipIf(!fs.existsSync(CHROMIUM))('is readable on a phone: a narrow table fits, a wide one scrolls in its wrapper, the page never scrolls sideways', async () => {
    const dir = project.path('unpacked');
    const zip = await JSZip.loadAsync(project.read('dist/tab.epub'));
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), await entry.async('nodebuffer'));
    }
    const docOf = (id: string) => Object.keys(zip.files).find((n) => n.endsWith(`text-${id}.xhtml`))!;
    const narrow = phoneWidths(dir, docOf('tab'));
    expect(narrow.page).toBe(narrow.view);
    expect(narrow.tables).toHaveLength(1);
    expect(narrow.tables[0]!.table).toBeLessThanOrEqual(narrow.tables[0]!.wrap);
    const wide = phoneWidths(dir, docOf('breit'));
    expect(wide.page).toBe(wide.view);
    expect(wide.tables[0]!.table).toBeGreaterThan(wide.tables[0]!.wrap);
    expect(wide.tables[0]!.overflow).toBe('auto');
  }, 120_000);

  it('prints the cells on their rows in the PDF', () => {
    const pdf = project.path('dist/tab.pdf');
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1));
    const page = pages.find((t) => t.includes('Mitglieder'))!;
    expect(page).toMatch(/Jahr +Ereignis +Mitglieder/);
    // \s: the typography put no-break spaces in. pdftotext moves the raised note number
    // (and what follows it) to a line of its own, so this row is matched up to the number.
    expect(page).toMatch(/1917 +Die „Oktoberrevolution“\s–\sder\sUmsturz\n/);
    expect(page).toMatch(/^ +1\n +240\s000$/m);
    expect(page).toMatch(/1918 +Gründung\sder\sKPD +3\s000/);
    expect(page).not.toContain('|');
  });

  it('links a note reference in a cell to its note and the note back to the cell in the PDF', () => {
    const pdf = project.path('dist/tab.pdf');
    const { links, dests } = pdfLinks(pdf);
    expect(dests).toContain(refDest('tab', 1, 1));
    expect(dests).toContain(noteDest('tab', 1));
    const tablePage = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).find((p) => pageText(pdf, p).includes('Mitglieder'))!;
    const notesPage = Array.from({ length: pageCount(pdf) }, (_, i) => i + 1).find((p) => pageText(pdf, p).includes('Eine Anmerkung aus einer Tabellenzelle'))!;
    expect(links).toContainEqual({ page: tablePage, dest: noteDest('tab', 1) });
    expect(links).toContainEqual({ page: notesPage, dest: refDest('tab', 1, 1) });
    expect(links).toContainEqual({ page: tablePage, uri: 'https://example.org/kpd' });
  });

  it('breaks a long table across pages with the header row on every page of it', () => {
    const pdf = project.path('dist/tab.pdf');
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1));
    const withRows = pages.filter((t) => /Vorgang Nummer \d/.test(t));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const t of withRows) expect(t).toMatch(/Jahrgang +Vorgang +Anzahl/);
    // Every row is printed once, whole: its year, its text and its number on one line.
    const found = withRows.flatMap((t) => [...t.matchAll(/^\s*(19\d\d) +Vorgang Nummer (\d+).*?(\d+)\s*$/gm)].map((m) => [Number(m[1]), Number(m[2])]));
    const years = withRows.join('\n').match(/^\s*19\d\d(?= )/gm)!.map(Number);
    expect(years).toEqual(Array.from({ length: LONG_ROWS }, (_, i) => 1900 + i));
    expect(found.every(([year, n]) => year === 1900 + n!)).toBe(true);
  });

  it('builds byte-identical outputs again', async () => {
    const first = project.snapshot('dist');
    const again = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(again.code).toBe(0);
    expect(project.snapshot('dist')).toEqual(first);
  }, 120_000);
});
