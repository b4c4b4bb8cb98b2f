/**
 * The print cover (issue 10, item 3): size by the profile's formula for the
 * interior's page count, TrimBox/BleedBox, the ISBN's EAN-13 (digits as text,
 * bars decoded from the PDF's drawing), spine text only from KDP's 79 pages,
 * the front as the template's design, BoD without paper thickness an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, source, TempProject } from '../helpers/project.js';
import { skipUnlessTool } from '../helpers/validators.js';
import { edition, text } from '../helpers/model-builders.js';
import { renderPrintCover } from '../../src/print/cover.js';
import { loadTemplate } from '../../src/templates/load.js';
import { Reporter } from '../../src/model/messages.js';
import { PT_PER_MM } from '../../src/print/profiles.js';
import { REPO } from '../helpers/project.js';

const SKIP = skipUnlessTool('pdftotext', 'apt-get install -y poppler-utils') || skipUnlessTool('qpdf', 'apt-get install -y qpdf');
const A5 = { width: 148 * PT_PER_MM, height: 210 * PT_PER_MM };
const ISBN = '978-3-16-148410-0';
const DESCRIPTION = 'Zwei Texte über den Aufbruch von 1917, mit Anmerkungen.';

let p: TempProject;
let run: Awaited<ReturnType<TempProject['run']>>;
beforeAll(async () => {
  p = new TempProject({
    'sources/a.md': source({ title: 'Aufruf', author: 'W. I. Lenin' }, 'Ein Absatz mit etwas Text.\n\n## Abschnitt\n\nNoch ein Absatz.\n'),
    'editions/buch.yaml': `title: Die Russische Revolution\nisbn: ${ISBN}\ndescription: ${DESCRIPTION}\npublisher: Edition Rote Reihe\ntexts: [a]\nformats: [pdf, cover]\n`,
    'editions/bod.yaml': 'title: Ohne Dicke\ntexts: [a]\nformats: [cover]\nprint:\n  profile: bod\n',
  });
  run = await p.run(['build', 'editions/buch.yaml', '--format', 'pdf,cover', '--print-profile', 'kdp', '--paper', 'white']);
}, 300_000);
afterAll(() => p.remove());

const tool = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;

function boxes(file: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const m of tool('pdfinfo', ['-box', file]).matchAll(/^(\w+Box|Page size):\s+(.+)$/gm)) out[m[1]!] = m[2]!.match(/[\d.]+/g)!.map(Number);
  return out;
}

/** The EAN-13 modules of 13 digits, from the standard's tables (GS1 General Specifications, 5.2.1.2). */
function ean13Bits(digits: string): string {
  const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
  const R = L.map((c) => [...c].map((b) => (b === '0' ? '1' : '0')).join(''));
  const G = R.map((c) => [...c].reverse().join(''));
  const parity = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'][Number(digits[0])]!;
  const left = [...digits.slice(1, 7)].map((d, i) => (parity[i] === 'L' ? L : G)[Number(d)]).join('');
  const right = [...digits.slice(7)].map((d) => R[Number(d)]).join('');
  return `101${left}01010${right}101`;
}

/** The bars the PDF draws (rectangles of bar or guard-bar height; pdfkit writes `re`, then the colour, then `f`), read back as 95 modules. */
function barsOf(file: string): string {
  const qdf = path.join(os.tmpdir(), `cover-${process.pid}.qdf.pdf`);
  spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  const content = fs.readFileSync(qdf, 'latin1');
  fs.rmSync(qdf);
  const rects = [...content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\n/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
  const barHeight = 18 * PT_PER_MM;
  const bars = rects.filter((r) => Math.abs(r.h - barHeight) < 0.1 || (r.h > barHeight && r.h < barHeight + 5)).sort((a, b) => a.x - b.x);
  const module = Math.min(...bars.map((b) => b.w));
  const bits = Array<string>(95).fill('0');
  for (const b of bars) {
    const from = Math.round((b.x - bars[0]!.x) / module);
    for (let i = 0; i < Math.round(b.w / module); i++) bits[from + i] = '1';
  }
  return bits.join('');
}

describe.skipIf(SKIP)('print cover through the CLI (KDP, white paper)', () => {
  it('is 2 × trim + KDP spine for the interior’s pages + 2 × 0.125 in wide, trim + 2 × bleed high, with TrimBox and BleedBox', () => {
    expect(run.code).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [p.path('dist/buch.pdf')]))![1]);
    const padded = Math.max(24, pages + (pages % 2));
    const spine = padded * 0.002252 * 72;
    const b = boxes(p.path('dist/buch.cover.pdf'));
    expect(Math.abs(b['Page size']![0]! - (2 * A5.width + spine + 2 * 9))).toBeLessThan(1);
    expect(Math.abs(b['Page size']![1]! - (A5.height + 2 * 9))).toBeLessThan(1);
    expect(b.TrimBox![0]).toBeCloseTo(9, 1);
    expect(b.TrimBox![1]).toBeCloseTo(9, 1);
    expect(b.TrimBox![2]).toBeCloseTo(b['Page size']![0]! - 9, 1);
    expect(b.BleedBox).toEqual(b.MediaBox);
    expect(tool('pdfinfo', [p.path('dist/buch.cover.pdf')])).toMatch(/Pages:\s+1\n/);
  });

  it('the back carries the description, the ISBN and its EAN-13: digits as text, bars that decode to the ISBN', () => {
    const textOf = tool('pdftotext', ['-raw', p.path('dist/buch.cover.pdf'), '-']);
    expect(textOf).toContain(DESCRIPTION);
    expect(textOf).toContain(`ISBN ${ISBN}`);
    expect(textOf.replace(/\s+/g, '')).toContain('9783161484100');
    expect(barsOf(p.path('dist/buch.cover.pdf'))).toBe(ean13Bits('9783161484100'));
  });

  it('BoD without paper-thickness is a one-line error at the manifest’s print line', async () => {
    const r = await p.run(['build', 'editions/bod.yaml', '--out', 'bod-out']);
    expect(r.code).not.toBe(0);
    // The buch template's running head also sits nearer the top than BoD's 10 mm: that is a warning of its own (test/render/pdf/print-interior.test.ts).
    const errors = diagnostics(r.stderr).messages.filter((m) => m.severity === 'error');
    expect(errors.map((m) => `${m.file}:${m.line} ${m.rule}`)).toEqual(['editions/bod.yaml:4 print-profile']);
    expect(errors[0]!.reason).toMatch(/paper-thickness/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(p.list('bod-out')).toEqual([]);
  }, 300_000);
});

describe.skipIf(SKIP)('renderPrintCover', () => {
  const book = () => edition({ title: 'Die Russische Revolution', texts: [text({ authors: ['W. I. Lenin'] })] });
  const template = loadTemplate('buch', REPO);
  const write = (bytes: Buffer) => {
    const file = path.join(os.tmpdir(), `cover-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const spineText = async (pages: number) => {
    const { bytes } = await renderPrintCover({ edition: book(), template, reporter: new Reporter(), print: { profile: 'kdp' }, pages });
    const file = write(bytes);
    try {
      // pdftotext gives rotated text a word a line: join the words again.
      return tool('pdftotext', ['-raw', file, '-']).replace(/\s+/g, ' ');
    } finally {
      fs.rmSync(file);
    }
  };

  it('puts title and author on the spine from KDP’s 79 pages only (78 pages: none)', async () => {
    expect(await spineText(78)).not.toContain('Die Russische Revolution');
    const at79 = await spineText(79);
    expect(at79).toContain('Die Russische Revolution');
    expect(at79).toContain('W. I. Lenin');
  }, 120_000);

  it('cuts a description too long for the back with a cover-description-cut warning', async () => {
    const reporter = new Reporter();
    const long = edition({ title: 'Lang', description: 'Ein sehr langer Klappentext. '.repeat(200), origin: 'editions/lang.yaml', texts: [text({ authors: ['A'] })] });
    await renderPrintCover({ edition: long, template, reporter, print: { profile: 'kdp' }, pages: 100 });
    expect(reporter.messages.map((m) => `${m.file} ${m.rule}`)).toEqual(['editions/lang.yaml cover-description-cut']);
  }, 120_000);

  it('cuts author and title too long for the spine with "…" and a cover-spine-cut warning', async () => {
    const reporter = new Reporter();
    const long = edition({ title: Array.from({ length: 80 }, (_, i) => `Wort${i}`).join(' '), origin: 'editions/lang.yaml', texts: [text({ authors: ['A'] })] });
    const { bytes } = await renderPrintCover({ edition: long, template, reporter, print: { profile: 'kdp' }, pages: 200 });
    expect(reporter.messages.map((m) => `${m.file} ${m.rule}`)).toContain('editions/lang.yaml cover-spine-cut');
    const file = write(bytes);
    try {
      expect(tool('pdftotext', ['-raw', file, '-']).replace(/\s+/g, ' ')).toMatch(/A · Wort0 Wort1 .*…/);
    } finally {
      fs.rmSync(file);
    }
  }, 120_000);

  it('is byte-identical when rendered twice', async () => {
    const once = await renderPrintCover({ edition: book(), template, reporter: new Reporter(), print: { profile: 'kdp' }, pages: 120 });
    const twice = await renderPrintCover({ edition: book(), template, reporter: new Reporter(), print: { profile: 'kdp' }, pages: 120 });
    expect(once.bytes.equals(twice.bytes)).toBe(true);
  }, 120_000);

  it('without a profile: no bleed, copy-shop paper (0.05 mm a page), trim box = media box', async () => {
    const { bytes } = await renderPrintCover({ edition: book(), template, reporter: new Reporter(), print: {}, pages: 100 });
    const file = write(bytes);
    try {
      const b = boxes(file);
      expect(b['Page size']![0]!).toBeCloseTo(2 * A5.width + 100 * 0.05 * PT_PER_MM, 1);
      expect(b['Page size']![1]!).toBeCloseTo(A5.height, 1);
      expect(b.TrimBox).toEqual(b.MediaBox);
    } finally {
      fs.rmSync(file);
    }
  }, 120_000);
});
