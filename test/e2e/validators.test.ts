/**
 * CI gate: every shipped edition (editions/*.yaml) in every template
 * (templates/* with a template.yaml) is built into a temporary folder and
 * must pass
 * - Java epubcheck with no error or warning (the authority),
 * - @likecoin/epubcheck-ts with no error or warning,
 * - Ace by DAISY with no violation,
 * - our own reading: well-formed content documents, internal links resolve, no active content,
 * - for the PDF: `qpdf --check` clean and every font embedded (pdffonts),
 * - and the words of every source in both outputs (fidelity.py's measure).
 *
 * A missing Java epubcheck or chromium skips its check locally with a logged
 * reason; with CI set the check runs and fails instead. PDF checks run once
 * src/render/pdf/index.ts exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/edition/build.js';
import { InputError } from '../../src/model/messages.js';
import type { ManifestInput } from '../../src/manifest/schema.js';
import { REPO, sha256 } from '../helpers/project.js';
import {
  ace, activeContent, describeMissing, epubcheckTs, formatFinding, javaEpubcheck, missingWords, pdfFontFindings, pdfText, qpdfCheck, readEpub,
  requireTool, skipUnlessTool, sourceWords, spineText, tools, type EpubBook, type Finding,
} from '../helpers/validators.js';

const EDITIONS = fs.readdirSync(path.join(REPO, 'editions')).filter((f) => /\.ya?ml$/.test(f)).sort();
const TEMPLATES = fs.readdirSync(path.join(REPO, 'templates')).filter((t) => fs.existsSync(path.join(REPO, 'templates', t, 'template.yaml'))).sort();
const FORMATS: ('epub' | 'pdf')[] = ['epub', 'pdf'];

const SKIP_JAVA = skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck');
const SKIP_ACE = skipUnlessTool('ace', 'npm ci (with @daisy/ace-cli) and apt-get install -y chromium');
const SKIP_QPDF = skipUnlessTool('qpdf', 'apt-get install -y qpdf');
const SKIP_POPPLER = skipUnlessTool('pdffonts', 'apt-get install -y poppler-utils');

/** PDF word share the auditor (fidelity.py) requires; pdftotext can split or join a few words at line ends. */
const PDF_SHARE = 0.995;

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-validators-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

/**
 * Templates that share their EPUB files (a4 extends buch) give byte-identical
 * EPUBs; the slow validators (Java epubcheck ~10 s, Ace ~6 s) run once per
 * distinct file.
 */
const cache = new Map<string, Promise<Finding[]> | Finding[]>();
async function once(validator: string, file: string, run: () => Promise<Finding[]> | Finding[]): Promise<Finding[]> {
  const key = `${validator}:${sha256(fs.readFileSync(file))}`;
  if (!cache.has(key)) cache.set(key, run());
  return cache.get(key)!;
}

/** Asserts no findings, naming the edition and every finding's validator, file and message. */
function expectClean(label: string, findings: Finding[]): void {
  expect(findings.map(formatFinding), `${label}:\n${findings.map(formatFinding).join('\n')}`).toEqual([]);
}

describe.each(EDITIONS.flatMap((e) => TEMPLATES.map((t) => [e, t] as const)))('edition %s in template %s', (editionFile, template) => {
  const slug = editionFile.replace(/\.ya?ml$/, '');
  const label = `editions/${editionFile} (template ${template})`;
  const out = path.join(tmpRoot, `${slug}-${template}`);
  const epubFile = path.join(out, `${slug}.epub`);
  const pdfFile = path.join(out, `${slug}.pdf`);
  let sources: string[] = [];
  /** Running heads the PDF can carry: the book's title and its texts' titles. */
  let heads: string[] = [];
  let book: EpubBook;

  beforeAll(async () => {
    const manifest = parse(fs.readFileSync(path.join(REPO, 'editions', editionFile), 'utf8'), { version: '1.2' }) as ManifestInput;
    try {
      const result = await buildEdition(
        { manifest: { ...manifest, template, formats: FORMATS }, slug },
        { projectRoot: REPO, sourcesDir: path.join(REPO, 'sources'), outDir: out, sourceDateEpoch: 0 },
      );
      sources = [...new Set(result.edition.parts.flatMap((p) => p.texts.map((t) => t.file)))].map((f) => fs.readFileSync(f, 'utf8'));
      heads = [result.edition.meta.title, ...result.edition.parts.flatMap((p) => p.texts.map((t) => t.meta.title))];
    } catch (e) {
      throw new Error(`${label} does not build: ${e instanceof InputError ? e.message : (e as Error).stack}`);
    }
    book = await readEpub(fs.readFileSync(epubFile));
  }, 300_000);

  it('EPUB: well-formed content documents, internal links resolve, no active content', () => {
    expectClean(`${label} ${slug}.epub`, [...book.findings, ...activeContent(book)]);
  });

  it('EPUB: @likecoin/epubcheck-ts finds no error or warning', async () => {
    expectClean(`${label} ${slug}.epub`, await epubcheckTs(fs.readFileSync(epubFile)));
  });

  it.skipIf(SKIP_JAVA)('EPUB: Java epubcheck finds no error or warning', async () => {
    requireTool('javaEpubcheck', 'apt-get install -y epubcheck');
    expectClean(`${label} ${slug}.epub`, await once('epubcheck', epubFile, () => javaEpubcheck(epubFile)));
  }, 300_000);

  it.skipIf(SKIP_ACE)('EPUB: Ace by DAISY reports no violation', async () => {
    requireTool('ace', 'apt-get install -y chromium');
    expectClean(`${label} ${slug}.epub`, await once('ace', epubFile, () => ace(epubFile)));
  }, 300_000);

  it('EPUB: every word of every source is in the book', () => {
    const missing = missingWords(sources, spineText(book));
    expect(describeMissing(missing), `${label} ${slug}.epub lacks words of its sources`).toBe('');
  });

  it.skipIf(SKIP_QPDF)('PDF: qpdf --check is clean', () => {
    requireTool('qpdf', 'apt-get install -y qpdf');
    expectClean(`${label} ${slug}.pdf`, qpdfCheck(pdfFile));
  });

  it.skipIf(SKIP_POPPLER)('PDF: every font is embedded', () => {
    requireTool('pdffonts', 'apt-get install -y poppler-utils');
    expectClean(`${label} ${slug}.pdf`, pdfFontFindings(pdfFile));
  });

  it.skipIf(SKIP_POPPLER)('PDF: the words of every source are in the PDF', () => {
    requireTool('pdftotext', 'apt-get install -y poppler-utils');
    const missing = missingWords(sources, pdfText(pdfFile, heads));
    const total = sourceWords(sources).length;
    const lost = [...missing.values()].reduce((a, b) => a + b, 0);
    const share = 1 - lost / total;
    expect(share, `${label} ${slug}.pdf holds ${(share * 100).toFixed(2)} % of the source words (needs ${PDF_SHARE * 100} %); missing: ${describeMissing(missing)}`).toBeGreaterThanOrEqual(PDF_SHARE);
    if (lost) console.warn(`[validators] ${label} ${slug}.pdf: ${lost} of ${total} source words not found by pdftotext: ${describeMissing(missing)}`);
  });
});

it('there is something to validate', () => {
  expect(EDITIONS.length).toBeGreaterThan(0);
  expect(TEMPLATES).toContain('buch');
  expect(tools.javaEpubcheck || !process.env.CI, 'CI has Java epubcheck').toBe(true);
});
