/**
 * What the import tests measure, the way a user would: run `edition import`,
 * `edition check` and `edition build` through the real CLI in a temp project,
 * then read the EPUB (epubcheck, notes linked both ways, words kept) and
 * compare the words of the raw file with the source and the report's cuts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode } from 'domhandler';
import { expect } from 'vitest';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { normWords, stripMarkdown, wordCounts } from '../../src/cleaning/words.js';
import type { ReportJson } from '../../src/import/report.js';
import { TempProject } from '../helpers/project.js';
import { javaEpubcheck, readEpub, skipUnlessTool, spineText, formatFinding, type EpubBook } from '../helpers/validators.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
export const SEED_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/seeds');

export interface Imported {
  project: TempProject;
  id: string;
  source: string;
  report: ReportJson;
}

/** `edition import FILES… --json` in a fresh project; the run must succeed. */
export async function importInto(files: string[], args: string[] = []): Promise<Imported> {
  const project = new TempProject({}, 'edition-import-');
  const r = await project.run(['import', ...files, '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as ReportJson;
  const id = path.basename(report.output, '.md');
  return { project, id, report, source: fs.readFileSync(project.path('sources', `${id}.md`), 'utf8') };
}

/** `edition check` on the imported source: no error. Returns its warnings. */
export async function checkClean(imp: Imported): Promise<string[]> {
  const r = await imp.project.run(['check', `sources/${imp.id}.md`]);
  expect(r.stdout.split('\n').filter((l) => / error: /.test(l))).toEqual([]);
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

/** Builds the source alone into an EPUB, runs Java epubcheck on it and reads it. */
export async function buildEpub(imp: Imported): Promise<EpubBook> {
  const r = await imp.project.run(['build', '--id', imp.id, '--title', 'Import', '--format', 'epub', '--out', 'dist']);
  expect(r.code, r.stderr).toBe(0);
  const file = imp.project.path('dist', 'import.epub');
  if (!skipUnlessTool('javaEpubcheck', 'apt-get install -y epubcheck')) expect(javaEpubcheck(file).map(formatFinding)).toEqual([]);
  const book = await readEpub(fs.readFileSync(file));
  expect(book.findings.map(formatFinding)).toEqual([]);
  return book;
}

/**
 * Every note reference links to its note and the note links back to it.
 * Returns the number of notes (list items that are endnotes).
 */
export function notesLinkedBothWays(book: EpubBook): { refs: number; notes: number } {
  let refs = 0;
  let notes = 0;
  for (const name of book.spine) {
    const doc = book.documents.get(name);
    if (!doc) continue;
    const all = [...(doc.getElementsByTagName('*') as unknown as Iterable<XmlElement>)];
    const byId = new Map(all.filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id')!, e]));
    for (const a of all.filter((e) => e.localName === 'a' && (e.getAttribute('epub:type') ?? '').includes('noteref'))) {
      refs++;
      const target = byId.get((a.getAttribute('href') ?? '').replace(/^#/, ''));
      expect(target, `note of ${a.getAttribute('id')}`).toBeDefined();
      const back = [...(target!.getElementsByTagName('a') as unknown as Iterable<XmlElement>)].map((x) => x.getAttribute('href'));
      expect(back).toContain(`#${a.getAttribute('id')}`);
    }
    notes += all.filter((e) => e.localName === 'li' && e.getAttribute('epub:type') === 'endnote').length;
  }
  return { refs, notes };
}

/** Words a reader sees in an HTML file's body (scripts and styles are not words). */
export function htmlWords(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (n: ChildNode, inBody: boolean) => {
    if (isText(n)) {
      if (inBody) parts.push(n.data);
    } else if (isTag(n)) {
      if (['script', 'style', 'head', 'noscript', 'template'].includes(n.name)) return;
      for (const c of n.children) walk(c, inBody || n.name === 'body');
      parts.push(' ');
    }
  };
  for (const c of doc.children) walk(c, false);
  return normWords(parts.join('').normalize('NFKC'));
}

/** Words of a raw text or Markdown file (superscript digits read as digits, as the note marks they are). */
export function textWords(raw: string, markdown = false): string[] {
  const t = raw.normalize('NFKC');
  return normWords(markdown ? stripMarkdown(t) : t);
}

/** Words of a source: front-matter values, body and notes; note labels count as the words the marks were. */
export function sourceWords(md: string): string[] {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(md)?.[1] ?? '';
  const values = fm.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.replace(/^[\w-]+:\s*/, '')).join(' ');
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\[\^([^\]\s]+)\](:?)/g, ' $1 $2');
  return [...normWords(values), ...normWords(stripMarkdown(`---\n---\n${body}`))];
}

/** The raw words with the report's word changes applied (a rejoined "ein- trafen" is "eintrafen"). */
export function rawAfterChanges(raw: readonly string[], report: ReportJson): Map<string, number> {
  const counts = wordCounts(raw);
  for (const c of report.changes) {
    for (const w of normWords(c.from)) counts.set(w, (counts.get(w) ?? 0) - 1);
    for (const w of normWords(c.to)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/** Raw words found neither in the source nor among the report's cuts: must be none. */
export function lostWords(raw: readonly string[], source: string, report: ReportJson): Record<string, number> {
  const have = wordCounts([...sourceWords(source), ...report.cuts.flatMap((c) => normWords(c.text.normalize('NFKC')))]);
  const lost: Record<string, number> = {};
  for (const [w, n] of rawAfterChanges(raw, report)) if ((have.get(w) ?? 0) < n) lost[w] = n - (have.get(w) ?? 0);
  return lost;
}

/**
 * Share of the raw words that a reader finds in the EPUB: the raw words
 * without the note marks (they become links, as fidelity.py counts them),
 * minus what the report cut.
 */
export function epubWordShare(raw: readonly string[], report: ReportJson, book: EpubBook): number {
  const cut = wordCounts(report.cuts.flatMap((c) => normWords(c.text.normalize('NFKC'))));
  const kept = rawAfterChanges(raw, report);
  for (const [w, n] of cut) kept.set(w, Math.max(0, (kept.get(w) ?? 0) - n));
  const epub = wordCounts(normWords(spineText(book).normalize('NFKC')));
  let total = 0;
  let found = 0;
  for (const [w, n] of kept) {
    total += n;
    found += Math.min(n, epub.get(w) ?? 0);
  }
  return total === 0 ? 1 : found / total;
}
