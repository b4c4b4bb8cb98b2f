/**
 * The EPUB in a real reading system: epub.js in headless Chromium, as web
 * and app readers use it. epub.js parses chapters as HTML (srcdoc), not XHTML,
 * so a style selecting on `epub|type` never applies there (issue 8, "EPUB in
 * real reading systems"). The book is opened the way a reader opens it, a
 * chapter is rendered on a 1024 × 768 tablet viewport, and what the reader
 * sees is measured through computed styles and layout boxes.
 *
 * Needs chromium (/usr/bin/chromium or PUPPETEER_EXECUTABLE_PATH): skipped
 * locally without it, failing in CI.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO, TempProject, manifest, source } from '../helpers/project.js';
import { CHROMIUM, formatFinding, javaEpubcheck, skipUnlessTool } from '../helpers/validators.js';

const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !process.env.CI) console.warn(`[reading-systems] chromium not found at ${CHROMIUM}; epub.js checks are skipped (install: apt-get install -y chromium). In CI they fail instead.`);
const SKIP = !HAVE_CHROMIUM && !process.env.CI;
const SKIP_JAVA = skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck');

const PROSE = Array.from({ length: 6 }, (_, i) =>
  `Absatz ${i + 1}: Die Arbeiter und Bauern haben die Macht übernommen, die Sowjets beraten über Frieden, Land und Brot, und die Partei ruft alle werktätigen Klassen zur Verteidigung der Revolution auf.${i % 2 === 0 ? `[^${i + 1}]` : ''}`,
).join('\n\n');
const NOTES = [1, 3, 5].map((n) => `[^${n}]: Anmerkung ${n} mit etwas Text, damit die Liste der Anmerkungen eine sichtbare Höhe hat.`).join('\n\n');

const VIEWER = `<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="/jszip.min.js"></script><script src="/epub.min.js"></script></head>
<body style="margin:0"><div id="viewer" style="width:1024px;height:768px"></div></body></html>`;

let project: TempProject;
let server: http.Server;
let browser: Browser | undefined;
let page: Page;
let base = '';

beforeAll(async () => {
  project = new TempProject({
    'sources/text.md': source({ id: 'text', title: 'Ein Aufruf', author: 'Anna Autorin', lang: 'de' }, `${PROSE}\n\n${NOTES}\n`),
    'editions/leser.yaml': manifest({ title: 'Leseprobe', texts: ['text'] }),
  });
  const r = await project.run(['build'], { env: { SOURCE_DATE_EPOCH: '0' } });
  expect(r.code, r.stderr).toBe(0);
  const files: Record<string, [string, string]> = {
    '/': [VIEWER, 'text/html'],
    '/jszip.min.js': [path.join(REPO, 'node_modules/jszip/dist/jszip.min.js'), 'text/javascript'],
    '/epub.min.js': [path.join(REPO, 'node_modules/epubjs/dist/epub.min.js'), 'text/javascript'],
    '/book.epub': [project.path('dist/leser.epub'), 'application/epub+zip'],
  };
  server = http.createServer((req, res) => {
    const f = files[req.url ?? ''];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f[1] }).end(f[0].startsWith('/') ? fs.readFileSync(f[0]) : f[0]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (SKIP) return;
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  await page.goto(base, { waitUntil: 'load' });
  // Scrolled flow, one column the width of the tablet: the layout where an unlimited measure ran to 110 characters.
  await page.evaluate(async () => {
    const w = window as unknown as { ePub: (url: string) => any; rendition: any };
    const book = w.ePub('/book.epub');
    w.rendition = book.renderTo('viewer', { width: 1024, height: 768, flow: 'scrolled-doc', spread: 'none' });
    await w.rendition.display('text-text.xhtml');
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  project?.remove();
});

interface Measures {
  bodyFontSize: number;
  notesFontSize: number;
  notesListStyle: string;
  noterefHeights: number[];
  /** Horizontal distance from the character before a note reference to its number, px. */
  noterefGaps: number[];
  widestParagraph: number;
  textLeft: number;
  textRight: number;
  viewport: number;
  longestLineChars: number;
}

/** Measures the rendered chapter inside epub.js's iframe. */
function measure(): Promise<Measures> {
  return page.evaluate(() => {
    const doc = (window as unknown as { rendition: any }).rendition.getContents()[0].document as Document;
    const win = doc.defaultView!;
    const px = (el: Element, prop: string) => parseFloat(win.getComputedStyle(el).getPropertyValue(prop));
    const body = doc.body;
    const paragraphs = [...doc.querySelectorAll('section.text > p')];
    // The longest line: characters between line breaks, found from the client rects of each text node's characters.
    let longest = 0;
    for (const p of paragraphs) {
      const range = doc.createRange();
      let lineTop = NaN;
      let count = 0;
      const walker = doc.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.nodeValue!.length; i++) {
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const r = range.getClientRects()[0];
          if (!r) continue;
          if (!(Math.abs(r.top - lineTop) <= 4) && !n.parentElement?.closest('sup')) {
            lineTop = r.top;
            count = 0;
          }
          count++;
          longest = Math.max(longest, count);
        }
      }
    }
    // The text container: epub.js writes `width`, `padding` and `margin: 0` into body's style attribute,
    // so the measure is set on the sections inside it.
    const rect = doc.querySelector('section.text')!.getBoundingClientRect();
    return {
      bodyFontSize: px(body, 'font-size'),
      notesFontSize: px(doc.querySelector('section.endnotes')!, 'font-size'),
      notesListStyle: win.getComputedStyle(doc.querySelector('ol.notes')!).listStyleType,
      noterefHeights: [...doc.querySelectorAll('a.noteref')].map((a) => a.getBoundingClientRect().height),
      noterefGaps: [...doc.querySelectorAll('a.noteref')].map((a) => {
        const before = a.parentElement!.previousSibling!;
        const r = doc.createRange();
        r.setStart(before, before.nodeValue!.length - 1);
        r.setEnd(before, before.nodeValue!.length);
        const end = r.getBoundingClientRect().right;
        r.selectNodeContents(a.firstChild!);
        return r.getBoundingClientRect().left - end;
      }),
      widestParagraph: Math.max(...paragraphs.map((p) => p.getBoundingClientRect().width)),
      textLeft: rect.left,
      textRight: doc.documentElement.clientWidth - rect.right,
      viewport: doc.documentElement.clientWidth,
      longestLineChars: longest,
    };
  });
}

describe.skipIf(SKIP)('epub.js in Chromium (1024 px tablet, scrolled)', () => {
  let m: Measures;
  beforeAll(async () => {
    m = await measure();
    console.info(`[reading-systems] ${JSON.stringify(m)}`);
  }, 60_000);

  it('applies the notes\' styles (selected by class, not by epub:type)', () => {
    expect(m.notesListStyle).toBe('none');
    expect(m.notesFontSize).toBeCloseTo(m.bodyFontSize * 0.9, 1);
  });

  it('makes every note reference at least 24 px tall to tap, still set close against its word', () => {
    expect(m.noterefHeights).toHaveLength(3);
    for (const h of m.noterefHeights) expect(h).toBeGreaterThanOrEqual(24);
    for (const gap of m.noterefGaps) expect(Math.abs(gap)).toBeLessThanOrEqual(1);
  });

  it('limits the measure to about 36em, centred', () => {
    expect(m.widestParagraph).toBeLessThanOrEqual(36 * m.bodyFontSize + 1);
    expect(m.viewport - m.widestParagraph).toBeGreaterThan(200);
    expect(Math.abs(m.textLeft - m.textRight)).toBeLessThanOrEqual(2);
    // 36em holds about 70–80 characters of a serif text, not 110.
    expect(m.longestLineChars).toBeLessThanOrEqual(85);
  });
});

it.skipIf(SKIP_JAVA)('the EPUB opened here passes Java epubcheck', () => {
  expect(javaEpubcheck(project.path('dist/leser.epub')).map(formatFinding)).toEqual([]);
}, 60_000);
