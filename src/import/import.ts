/**
 * `edition import` as an API: raw files (+ an optional recipe, + flags) →
 * the text of one source file and the report of everything that changed.
 * Nothing is written here (see write.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrontMatter } from '../cleaning/frontmatter.js';
import { lintFile } from '../lint/lint.js';
import { fail, InputError } from '../model/messages.js';
import { slugify } from '../util/slug.js';
import { decodeRaw } from './decode.js';
import { detectFormat, guessLanguage, type RawFormat } from './detect.js';
import { importHtml } from './html/import-html.js';
import { RecipeMismatch } from './junk.js';
import { importMarkdown } from './markdown.js';
import type { ImportBlock, ImportContext, ImportedBody, ImportNote } from './model.js';
import { noteRefLabels } from './notes.js';
import type { LoadedRecipe, Recipe } from './recipe.js';
import { renderSource } from './render.js';
import { ImportReport } from './report.js';
import { importText } from './text/import-text.js';

export interface ImportFlags {
  id?: string;
  title?: string;
  author?: string[];
  date?: string;
  lang?: string;
  tags?: string[];
  source?: string;
}

export interface ImportRequest {
  files: string[];
  recipe?: LoadedRecipe;
  flags?: ImportFlags;
}

export interface ImportResult {
  id: string;
  markdown: string;
  report: ImportReport;
}

interface RawInput {
  file: string;
  text: string;
  format: RawFormat;
}

export function importFiles(req: ImportRequest): ImportResult {
  const report = new ImportReport();
  const recipe: Recipe = req.recipe?.recipe ?? {};
  const flags = req.flags ?? {};
  const inputs: RawInput[] = req.files.map((file) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      fail('import-missing', 'cannot read this file (missing, or not a file)', { file, line: 1, column: 1 });
    }
    const { text, encoding } = decodeRaw(bytes, file, report);
    const format = detectFormat(text, file);
    report.inputs.push({ file, format, encoding });
    return { file, text, format };
  });
  const lang = flags.lang ?? recipe.lang ?? htmlLang(inputs) ?? guessLanguage(inputs.map((i) => i.text).join('\n').slice(0, 20000));
  const found: ImportContext['found'] = {};
  const ctxFor = (file: string): ImportContext => ({ file, lang, enabled: (rule) => recipe.rules?.[rule] !== false, recipe, report, found });

  let body: ImportedBody;
  try {
    body = importAll(inputs, ctxFor);
  } catch (e) {
    if (e instanceof RecipeMismatch && req.recipe) fail('recipe-mismatch', e.message, { file: req.recipe.file, line: req.recipe.lineOf(e.key), column: 1 });
    throw e;
  }

  const title = flags.title ?? recipe.title ?? found.title ?? titleFromFile(inputs[0]!.file, report);
  const id = flags.id ?? recipe.id ?? slugify(title).slice(0, 80).replace(/-+$/, '');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) fail('import-id', `\`${id}\` is not a usable id (lowercase letters, digits, ".", "_", "-"): give one with --id`, { file: inputs[0]!.file, line: 1, column: 1 });
  const unanchored = unanchoredNotes(body, inputs[0]!.file, report);
  checkDeclaredUnanchored(unanchored, req.recipe);
  const list = (v: string | readonly string[] | undefined) => (v === undefined ? undefined : typeof v === 'string' ? v : v.length === 1 ? v[0] : v);
  const frontMatter: FrontMatter = {
    id,
    title,
    subtitle: recipe.subtitle,
    author: list(flags.author ?? recipe.author),
    date: flags.date ?? recipe.date,
    lang,
    source: flags.source ?? recipe.source ?? found.source,
    translator: recipe.translator,
    tags: flags.tags ?? (typeof recipe.tags === 'string' ? [recipe.tags] : recipe.tags),
    rights: recipe.rights,
    'unanchored-notes': unanchored.length ? unanchored : undefined,
  };
  for (const k of Object.keys(frontMatter) as (keyof FrontMatter)[]) if (frontMatter[k] === undefined) delete frontMatter[k];
  const markdown = renderSource({ frontMatter, comments: recipe.comments, blocks: body.blocks, notes: body.notes, startsMidSentence: recipe['starts-mid-sentence'] });
  checkSource(markdown, id, inputs[0]!.file, report);
  return { id, markdown, report };
}

function importAll(inputs: readonly RawInput[], ctxFor: (file: string) => ImportContext): ImportedBody {
  const html = inputs.filter((i) => i.format === 'html');
  const parts: ImportedBody[] = [];
  if (html.length > 0) parts.push(importHtml(html, ctxFor));
  for (const input of inputs) {
    if (input.format === 'text') parts.push(importText(input.text, ctxFor(input.file)));
    if (input.format === 'markdown') parts.push(importMarkdown(input.text, ctxFor(input.file)));
  }
  // Files after the first may reuse note labels ("1" again): they get a prefix.
  const blocks: ImportBlock[] = [];
  const notes: ImportNote[] = [];
  parts.forEach((part, i) => {
    const clash = part.notes.some((n) => notes.some((m) => m.label === n.label));
    const rename = (s: string) => (clash ? s.replace(/\[\^([^\]\s]+)\]/g, `[^${i + 1}-$1]`) : s);
    blocks.push(...part.blocks.map((b) => mapText(b, rename)));
    notes.push(...part.notes.map((n) => ({ ...n, label: clash ? `${i + 1}-${n.label}` : n.label, paragraphs: n.paragraphs.map(rename) })));
  });
  return { blocks, notes };
}

function mapText(b: ImportBlock, f: (s: string) => string): ImportBlock {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return { ...b, text: f(b.text) };
    case 'verse':
      return { ...b, lines: b.lines.map(f) };
    case 'quote':
      return { ...b, blocks: b.blocks.map((x) => mapText(x, f)) };
    case 'list':
      return { ...b, items: b.items.map(f) };
    case 'rule':
      return b;
  }
}

function htmlLang(inputs: readonly RawInput[]): string | undefined {
  for (const i of inputs) {
    if (i.format !== 'html') continue;
    const m = /<html[^>]*\s(?:xml:)?lang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)"/i.exec(i.text);
    if (m) return m[1]!;
  }
  return undefined;
}

function titleFromFile(file: string, report: ImportReport): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Ohne Titel';
  report.doubt('import-title', `the text names no title: used the file name "${base}"; give one with --title`, file, 1);
  return base;
}

/** Notes nothing refers to: kept, listed as `unanchored-notes`, and reported. */
function unanchoredNotes(body: ImportedBody, file: string, report: ImportReport): string[] {
  const all = [...body.blocks.flatMap(blockTexts), ...body.notes.flatMap((n) => n.paragraphs)].join('\n');
  const refs = new Set(noteRefLabels(all));
  const out = body.notes.filter((n) => !refs.has(n.label));
  for (const n of out) report.doubt('note-unanchored', `note ${n.label} has no mark in the text; kept as an unanchored note`, file, n.line);
  return out.map((n) => n.label);
}

function blockTexts(b: ImportBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return [b.text];
    case 'verse':
      return b.lines;
    case 'quote':
      return b.blocks.flatMap(blockTexts);
    case 'list':
      return b.items;
    case 'rule':
      return [];
  }
}

/** A recipe that declares `unanchored-notes` must agree with what was found. */
function checkDeclaredUnanchored(found: readonly string[], recipe: LoadedRecipe | undefined): void {
  const declared = recipe?.recipe['unanchored-notes'];
  if (declared === undefined || !recipe) return;
  const list = typeof declared === 'string' ? [declared] : declared;
  if (list.join(' ') !== found.join(' ')) {
    fail('recipe-mismatch', `notes without a mark are [${found.join(', ')}] but \`unanchored-notes\` says [${list.join(', ')}]`, { file: recipe.file, line: recipe.lineOf('unanchored-notes'), column: 1 });
  }
}

/**
 * The result must be a source `edition check` accepts: lint it as a file.
 * Its errors stop the import (nothing is written); its warnings go into the
 * report as doubts.
 */
function checkSource(markdown: string, id: string, rawFile: string, report: ImportReport): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-import-'));
  try {
    const file = path.join(dir, `${id}.md`);
    fs.writeFileSync(file, markdown);
    const { messages } = lintFile(file, dir);
    const errors = messages.filter((m) => m.severity === 'error');
    // The source is not written, so the message points at the raw file and names the source line.
    if (errors.length > 0) throw new InputError(errors.map((m) => ({ ...m, reason: `the imported source would fail \`edition check\` (at its line ${m.line ?? 1}): ${m.reason}`, file: rawFile, line: 1, column: 1 })));
    for (const m of messages) report.doubt(m.rule, `source line ${m.line}: ${m.reason}`, rawFile, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
