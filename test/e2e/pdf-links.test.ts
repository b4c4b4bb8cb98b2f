/**
 * What a reader clicks in the print PDF, built through the real CLI: every
 * note reference leads to its note, every note back to each of its
 * references, every contents entry to its page, links between texts to their
 * heading, web links to their address — and each link sits on the words it
 * belongs to. Read from the PDF's annotations (as /work/shared/tools/pdf_links.py
 * reads them) and its words (pdftotext -bbox), not from our own layout data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest, REPO, source, TempProject } from '../helpers/project.js';
import { pdfLinks, pdfWords, wordsAt, wordsIn, type PdfLink, type PdfWord } from '../helpers/pdf-links.js';
import { skipUnlessTool } from '../helpers/validators.js';

const SKIP = skipUnlessTool('qpdf', 'apt-get install -y qpdf') || skipUnlessTool('pdftotext', 'apt-get install -y poppler-utils');
const PDF_LINKS_PY = '/work/shared/tools/pdf_links.py';

const kindOf = (l: PdfLink): string => (l.uri ? 'uri' : (l.dest ?? '').split(':')[0]!);
const text = (ws: PdfWord[]): string => ws.map((w) => w.text).join(' ');

describe.skipIf(SKIP)('PDF links of a small library', () => {
  const project = new TempProject({
    'sources/a.md': source(
      { title: 'Erster Text', author: 'Rosa Probe', date: '1917' },
      [
        'Der erste Absatz nennt eine Anmerkung[^eins] und noch eine[^zwei], dann',
        'die erste noch einmal[^eins]. Mehr bei [Marx](https://example.org/marx/kapital.html)',
        'oder per [Post](mailto:rosa@example.org), und im [zweiten Text](b.md#h-abschnitt).',
        '',
        '[^eins]: Anmerkung eins, zweimal zitiert.',
        '',
        '[^zwei]: Anmerkung zwei, einmal zitiert.',
        '',
      ].join('\n'),
    ),
    'sources/b.md': source(
      { title: 'Zweiter Text', author: 'Ann Probe', date: '1918' },
      ['Einleitung ohne Anmerkung.', '', '## Abschnitt', '', 'Hier steht die Stelle, auf die verwiesen wird[^x].', '', '[^x]: Die Anmerkung des zweiten Textes.', ''].join('\n'),
    ),
    'editions/probe.yaml': manifest({ title: 'Probebuch', formats: ['pdf'], texts: ['a', 'b'] }),
  });
  let links: PdfLink[];
  let words: PdfWord[];
  let file: string;

  beforeAll(async () => {
    const r = await project.run(['build', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    file = project.path('dist/probe.pdf');
    links = pdfLinks(file).links;
    words = pdfWords(file);
  }, 60_000);
  afterAll(() => project.remove());

  it('has one link per reference, per backlink, per contents entry, per web and in-book link, none broken', () => {
    const counts: Record<string, number> = {};
    for (const l of links) counts[kindOf(l)] = (counts[kindOf(l)] ?? 0) + 1;
    // 4 references (one note cited twice); 4 backlinks; contents: 2 texts, 1 section, 2 notes sections
    // plus the in-book link (all "t:"); 2 web links.
    expect(counts).toEqual({ n: 4, r: 4, t: 3 + 1, notes: 2, uri: 2 });
    expect(links.filter((l) => l.dest !== undefined && !l.target)).toEqual([]);
  });

  it('puts each note reference link on the raised number and leads to the note', () => {
    const refs = links.filter((l) => kindOf(l) === 'n');
    for (const l of refs) {
      const number = l.dest!.split(':')[2]!;
      // pdftotext gives a raised number as a word of its own, or joined to its word ("Anmerkung1").
      const under = wordsIn(words, l.page, l.rect);
      expect(under.some((w) => new RegExp(`(^|\\D)${number}[.,;:]?$`).test(w.text)), `ref ${l.dest}: ${text(under)}`).toBe(true);
      expect(l.rect.x1 - l.rect.x0, 'a reference link covers its number, not its line').toBeLessThan(12);
      const landing = text(wordsAt(words, l.target!));
      expect(landing, `note ${l.dest}`).toMatch(new RegExp(`^${number} (Anmerkung|Die Anmerkung)`));
    }
    expect(new Set(refs.map((l) => l.page)).size).toBe(2);
  });

  it('leads from every note back to each of its references', () => {
    const refs = links.filter((l) => kindOf(l) === 'n');
    const backs = links.filter((l) => kindOf(l) === 'r');
    // Every reference is the target of exactly one backlink.
    const refPlaces = refs.map((l) => `${l.page}:${Math.round(l.rect.x0)}:${Math.round(l.rect.y0)}`).sort();
    const landings = backs.map((b) => {
      const ref = refs.find((l) => l.page === b.target!.page && Math.abs(l.rect.x0 + 1.5 - b.target!.x) < 0.5 && b.target!.y < l.rect.y0 && l.rect.y0 - b.target!.y < 8);
      expect(ref, `backlink ${b.dest} lands on a reference`).toBeDefined();
      return `${ref!.page}:${Math.round(ref!.rect.x0)}:${Math.round(ref!.rect.y0)}`;
    });
    expect(landings.sort()).toEqual(refPlaces);
    // The note cited twice: its number leads to the first reference, "↑2" to the second.
    const twice = backs.filter((b) => b.dest!.startsWith('r:a:1:'));
    expect(twice).toHaveLength(2);
    expect(text(wordsIn(words, twice[0]!.page, twice[0]!.rect))).toMatch(/^1\b/);
    expect(text(wordsIn(words, twice[1]!.page, twice[1]!.rect))).toMatch(/↑ ?2$/);
  });

  it('links every contents entry, dots and page number included, to the page it prints', () => {
    const toc = links.filter((l) => l.page === links.find((x) => kindOf(x) === 'notes')!.page && (kindOf(l) === 't' || kindOf(l) === 'notes'));
    expect(toc.map((l) => text(wordsIn(words, l.page, l.rect)).replace(/[ .]*\d+$/, '').trim())).toEqual([
      'Erster Text', 'Anmerkungen', 'Zweiter Text', 'Abschnitt', 'Anmerkungen',
    ]);
    for (const l of toc) {
      const printed = Number(/(\d+)$/.exec(text(wordsIn(words, l.page, l.rect)))![1]);
      expect(printed, `page number of ${l.dest}`).toBe(l.target!.page);
    }
    expect(text(wordsAt(words, toc[3]!.target!))).toBe('Abschnitt');
  });

  it('makes web links URI actions over their words, and the link between texts a jump to the heading', () => {
    const uris = links.filter((l) => l.uri);
    // A comma after the link text touches its box: pdftotext counts it to the word.
    expect(uris.map((l) => [l.uri, text(wordsIn(words, l.page, l.rect)).replace(/[.,]$/, '')])).toEqual([
      ['https://example.org/marx/kapital.html', 'Marx'],
      ['mailto:rosa@example.org', 'Post'],
    ]);
    const xref = links.find((l) => l.dest === 't:b#h-abschnitt' && wordsIn(words, l.page, l.rect).some((w) => w.text === 'zweiten'))!;
    expect(text(wordsIn(words, xref.page, xref.rect))).toMatch(/^zweiten Text/);
    expect(text(wordsAt(words, xref.target!))).toBe('Abschnitt');
  });
});

describe.skipIf(SKIP)('PDF links of the sample edition', () => {
  const project = new TempProject();
  beforeAll(() => {
    fs.rmSync(project.path('sources'), { recursive: true });
    fs.rmSync(project.path('editions'), { recursive: true });
    project.copyFrom(path.join(REPO, 'sources'), 'sources');
    project.copyFrom(path.join(REPO, 'editions'), 'editions');
  });
  afterAll(() => project.remove());

  it('has a link for each of its 38 references, 38 backlinks and 13 contents entries, none broken', async () => {
    const r = await project.run(['build', '--format', 'pdf', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const file = project.path('dist/russische-revolution.pdf');
    const { links } = pdfLinks(file);
    const count = (k: string) => links.filter((l) => kindOf(l) === k).length;
    expect(count('n')).toBe(38);
    expect(count('r')).toBe(38);
    expect(count('t') + count('notes')).toBeGreaterThanOrEqual(13);
    expect(links.filter((l) => !l.uri && !l.target)).toEqual([]);
    // The auditor's own reading agrees (when it is installed here).
    if (fs.existsSync(PDF_LINKS_PY)) {
      const audit = spawnSync('python3', [PDF_LINKS_PY, file], { encoding: 'utf8' });
      expect(audit.status).toBe(0);
      const report = JSON.parse(audit.stdout) as { internal: number; internal_broken: number };
      expect(report.internal).toBeGreaterThanOrEqual(89);
      expect(report.internal_broken).toBe(0);
    }
  }, 60_000);
});
