/**
 * `edition check`: lints every source of a library. Structural checks reuse
 * the parser (front-matter schema, footnote integrity), so check and build
 * never disagree; the line rules (rules.ts) find leftovers of raw text.
 * Every finding is a Message with file:line:col.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, Reporter, type Message } from '../model/messages.js';
import { parseSource } from '../parse/source.js';
import { numberNotes } from '../transforms/notes.js';
import { sourceFiles } from '../library/load.js';
import { lintLine } from './rules.js';
import { lintLinks } from './links.js';
import type { Block, Text } from '../model/types.js';

export interface LintResult {
  files: number;
  messages: Message[];
  errors: number;
  warnings: number;
}

export interface LintOptions {
  projectRoot?: string;
}

/** Lints the Markdown files of a sources folder (or the given files). */
export function lintLibrary(dirOrFiles: string | string[], options: LintOptions = {}): LintResult {
  const files = typeof dirOrFiles === 'string' ? sourceFiles(dirOrFiles).filter((f) => f.endsWith('.md')) : dirOrFiles;
  const projectRoot = options.projectRoot ?? process.cwd();
  const messages: Message[] = [];
  const ids = new Map<string, string>();
  const texts: Text[] = [];
  for (const file of files) {
    const { messages: own, id, text } = lintFile(file, projectRoot);
    messages.push(...own);
    if (text) texts.push(text);
    if (id === undefined) continue;
    const other = ids.get(id);
    if (other) messages.push({ severity: 'error', rule: 'id-duplicate', reason: `id \`${id}\` is already used by ${path.relative(process.cwd(), other) || other}`, file, ...idPosition(file) });
    else ids.set(id, file);
  }
  messages.push(...lintLinks(texts));
  // Link findings are made after all files are read: put them back in file order.
  const order = new Map(files.map((f, i) => [f, i]));
  messages.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return {
    files: files.length,
    messages,
    errors: messages.filter((m) => m.severity === 'error').length,
    warnings: messages.filter((m) => m.severity === 'warning').length,
  };
}

/** Lints one source; returns its messages (sorted by position) and its id when the front matter was readable. */
export function lintFile(file: string, projectRoot: string): { messages: Message[]; id?: string; text?: Text } {
  const reporter = new Reporter();
  const fatal: Message[] = [];
  let id: string | undefined;
  let lang: string | undefined;
  let tableRows = new Set<number>();
  let parsedText: Text | undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { messages: [{ severity: 'error', rule: 'file-missing', reason: 'file not found', file }] };
  }
  try {
    const parsed = parseSource(file, bytes, { projectRoot: path.resolve(projectRoot), reporter });
    id = parsed.text.meta.id;
    parsedText = parsed.text;
    lang = parsed.text.meta.lang;
    tableRows = tableLines([...parsed.text.blocks, ...parsed.text.notes.flatMap((n) => n.blocks)]);
    // Unused notes are only found by numbering them, as the build does.
    numberNotes(parsed.text, parsed.unanchoredNotes, reporter);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    fatal.push(...e.messages);
    // Binary or non-UTF-8 files get no line rules: their lines are not text.
    if (e.messages.some((m) => m.rule.startsWith('file-'))) return { messages: fatal };
  }
  const text = bytes.toString('utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const bodyStart = bodyStartLine(lines);
  const lineMessages: Message[] = [];
  lang ??= /^lang:\s*["']?([A-Za-z-]+)/m.exec(lines.slice(0, bodyStart).join('\n'))?.[1] ?? 'de';
  let fence: string | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    // A fenced code block is printed as written: its lines are not prose to clean.
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(lines[i]!)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    for (const f of lintLine(lines[i]!, lang, { tableRow: tableRows.has(i + 1) })) {
      lineMessages.push({ severity: f.rule.severity, rule: f.rule.id, reason: f.message, file, line: i + 1, column: [...lines[i]!.slice(0, f.index)].length + 1 });
    }
  }
  const messages = [...fatal, ...reporter.messages, ...lineMessages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { messages, ...(id !== undefined ? { id } : {}), ...(parsedText ? { text: parsedText } : {}) };
}

/**
 * Source lines (1-based) that hold table rows: a GFM table is its header
 * line, the delimiter line and one line per row, from its position on.
 */
function tableLines(blocks: Block[]): Set<number> {
  const lines = new Set<number>();
  const visit = (list: Block[]): void => {
    for (const b of list) {
      if (b.type === 'table' && b.position?.line) for (let k = 0; k < b.rows.length + 2; k++) lines.add(b.position.line + k);
      else if (b.type === 'blockquote') visit(b.children);
      else if (b.type === 'list') b.items.forEach(visit);
    }
  };
  visit(blocks);
  return lines;
}

/** Index of the first body line (after the closing `---` of the front matter). */
function bodyStartLine(lines: string[]): number {
  if (!/^---\s*$/.test(lines[0] ?? '')) return 0;
  const end = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  return end === -1 ? lines.length : end + 1;
}

/** Where the `id:` field is, or the file's first line. */
function idPosition(file: string): { line: number; column: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => /^id\s*:/.test(l));
  return { line: i === -1 ? 1 : i + 1, column: 1 };
}
