/**
 * Markdown in, normalised Markdown out: footnote labels made plain, plain
 * `[n]` marks linked to notes written as `[n] …` paragraphs (interleaved
 * after their paragraph or in a notes list), hard-wrapped paragraphs joined,
 * lines with hard breaks kept as verse, straight quotes made typographic
 * where the language is known. Code, link targets and HTML stay untouched.
 */
import { parse as parseYaml } from 'yaml';
import { leadingMark, MARK_STYLES, NOTES_HEADING, normaliseLabel, stylesOf, type MarkStyle } from './notes.js';
import { markLinker, typographyOf } from './inline.js';
import { joinLines } from './text/dehyphenate.js';
import type { ImportBlock, ImportContext, ImportedBody, ImportNote } from './model.js';

interface MdBlock {
  lines: string[];
  line: number;
}

// Spans typography must not touch: code, link targets, autolinks, HTML tags, footnote references.
const PROTECTED = /`[^`]*`|\]\([^)]*\)|<[^>\s]+>|\[\^[^\]]+\]/g;

export function importMarkdown(raw: string, ctx: ImportContext): ImportedBody {
  const { lines, offset } = frontMatter(raw, ctx);
  const blocks = splitBlocks(lines, offset);
  // A single level-1 heading opening the file is the text's title (the front matter holds it).
  const h1 = /^#\s+(.*?)\s*#*$/.exec(blocks[0]?.lines[0] ?? '');
  if (h1 && blocks[0]!.lines.length === 1 && !blocks.slice(1).some((b) => /^#\s/.test(b.lines[0]!)) && ctx.found.title === undefined && ctx.enabled('title-line')) {
    ctx.found.title = h1[1]!;
    ctx.report.count('title-line');
    blocks.shift();
  }
  const notes: { label: string; paragraphs: string[]; line: number; style?: MarkStyle }[] = [];
  const body: MdBlock[] = [];
  const seenMarks = new Set<string>();
  let inNotesList = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const first = b.lines[0]!;
    const def = /^\[\^([^\]]+)\]:\s*/.exec(first);
    if (def) {
      const label = def[1]!.trim().replace(/\s+/g, '-');
      if (label !== def[1]) ctx.report.count('note-labels');
      const paragraphs = [joinParagraph([first.slice(def[0].length), ...b.lines.slice(1).map((l) => l.trim())], ctx, b.line)];
      // Further paragraphs of a footnote are indented (four spaces or a tab).
      while (blocks[i + 1] && /^(?: {4}|\t)/.test(blocks[i + 1]!.lines[0]!)) paragraphs.push(joinParagraph(blocks[++i]!.lines.map((l) => l.trim()), ctx, blocks[i]!.line));
      notes.push({ label, paragraphs, line: b.line });
      continue;
    }
    if (b.lines.length === 1 && NOTES_HEADING.test(first) && blocks.slice(i + 1).some((x) => leadingMark(x.lines[0]!) || /^1[.)]\s/.test(x.lines[0]!))) {
      ctx.report.cut('notes-heading', ctx.file, b.line, first);
      inNotesList = true;
      continue;
    }
    // A numbered list under the notes heading: item n is note n.
    if (inNotesList && /^\d{1,3}[.)]\s/.test(first)) {
      for (const item of splitItems(b.lines)) notes.push({ label: item.label, paragraphs: [joinParagraph(item.lines, ctx, b.line)], line: b.line });
      ctx.report.count('notes-list');
      continue;
    }
    const mark = leadingMark(first);
    if (mark && (inNotesList || seenMarks.has(normaliseLabel(mark.raw)))) {
      notes.push({ label: normaliseLabel(mark.raw), paragraphs: [joinParagraph([mark.rest, ...b.lines.slice(1)], ctx, b.line)], line: b.line, style: mark.style });
      ctx.report.count(inNotesList ? 'notes-list' : 'notes-interleaved');
      continue;
    }
    if (inNotesList && notes.length > 0 && !/^#/.test(first)) {
      notes.at(-1)!.paragraphs.push(joinParagraph(b.lines, ctx, b.line));
      continue;
    }
    for (const style of MARK_STYLES) for (const l of b.lines) for (const x of l.matchAll(style.inText)) seenMarks.add(normaliseLabel(x[1]!));
    body.push(b);
  }
  const labels = new Set(notes.map((n) => n.label));
  const linker = markLinker(ctx, labels, stylesOf(notes));
  const inline = (s: string, line: number) => linker.link(footnoteRefs(typographyOf2(s, ctx), labels, ctx, line), line);
  const out = body.map((b) => toBlock(b, ctx, inline));
  const finalNotes: ImportNote[] = notes.map((n) => ({ label: n.label, line: n.line, paragraphs: n.paragraphs.map((p) => inline(p, n.line)) }));
  ctx.report.count('notes-found', finalNotes.length);
  return { blocks: out, notes: finalNotes };
}

/** A YAML front matter in the raw Markdown: its title and source are used, its lines skipped. */
function frontMatter(raw: string, ctx: ImportContext): { lines: string[]; offset: number } {
  const lines = raw.split('\n');
  if (lines[0] !== '---') return { lines, offset: 0 };
  const end = lines.indexOf('---', 1);
  if (end < 0) return { lines, offset: 0 };
  try {
    const data = parseYaml(lines.slice(1, end).join('\n'), { version: '1.2' }) as Record<string, unknown> | null;
    if (typeof data?.title === 'string') ctx.found.title = data.title;
    if (typeof data?.source === 'string') ctx.found.source = data.source;
  } catch {
    ctx.report.doubt('import-front-matter', 'the front matter is not valid YAML: ignored', ctx.file, 1);
  }
  return { lines: lines.slice(end + 1), offset: end + 1 };
}

function splitBlocks(lines: readonly string[], offset: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  let current: MdBlock | undefined;
  let fence = false;
  lines.forEach((l, i) => {
    if (/^```|^~~~/.test(l)) fence = !fence;
    if (!fence && l.trim() === '') {
      current = undefined;
      return;
    }
    // A note typed right under its paragraph ("[3] …" with no blank line) starts a block of its own.
    if (current && !fence && /^\[\d{1,3}\]:?\s/.test(l)) current = undefined;
    if (!current) blocks.push((current = { lines: [], line: i + 1 + offset }));
    current.lines.push(l.replace(/\s+$/, (ws) => (/ {2,}$/.test(ws) ? '  ' : '')));
  });
  return blocks;
}

/** Items of a numbered list, with their numbers as labels; continuation lines belong to the item above. */
function splitItems(lines: readonly string[]): { label: string; lines: string[] }[] {
  const items: { label: string; lines: string[] }[] = [];
  for (const l of lines) {
    const m = /^(\d{1,3})[.)]\s+/.exec(l);
    if (m) items.push({ label: m[1]!, lines: [l.slice(m[0].length)] });
    else items.at(-1)?.lines.push(l.trim());
  }
  return items;
}

function typographyOf2(s: string, ctx: ImportContext): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(PROTECTED)) {
    out += typographyOf(s.slice(last, m.index), ctx) + m[0];
    last = m.index! + m[0].length;
  }
  return out + typographyOf(s.slice(last), ctx);
}

/** `[^ 1 ]` → `[^1]`; a reference to a note that does not exist stays visible text. */
function footnoteRefs(s: string, labels: ReadonlySet<string>, ctx: ImportContext, line: number): string {
  return s.replace(/\[\^([^\]]+)\](?!:)/g, (whole, raw: string) => {
    const label = raw.trim().replace(/\s+/g, '-');
    if (labels.has(label)) {
      ctx.report.count('notes-linked');
      return `[^${label}]`;
    }
    ctx.report.doubt('note-missing', `footnote reference ${whole} has no definition; kept as text [${raw.trim()}]`, ctx.file, line);
    // Without the caret: the parser reads any "[^x]", even escaped, as a reference.
    return `\\[${raw.trim()}\\]`;
  });
}

function joinParagraph(lines: readonly string[], ctx: ImportContext, line: number): string {
  let text = lines[0] ?? '';
  for (const l of lines.slice(1)) {
    const j = ctx.enabled('dehyphenate') ? joinLines(text, l, ctx.lang) : { text: `${text} ${l}`, kind: 'plain' as const };
    text = j.text;
    if (j.kind === 'rejoined') ctx.report.change('dehyphenate', ctx.file, line, j.from!, j.to!);
    else ctx.report.count('join-lines');
  }
  return text.trim();
}

function toBlock(b: MdBlock, ctx: ImportContext, inline: (s: string, line: number) => string): ImportBlock {
  const first = b.lines[0]!;
  if (/^```|^~~~/.test(first) || /^ {4}/.test(first)) return { kind: 'paragraph', text: b.lines.join('\n'), line: b.line };
  const h = /^(#{1,6})\s+(.*?)\s*#*$/.exec(first);
  if (h && b.lines.length === 1) return { kind: 'heading', depth: h[1]!.length, text: inline(h[2]!, b.line), line: b.line };
  if (/^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$/.test(first)) return { kind: 'rule', line: b.line };
  if (b.lines.every((l) => /^>/.test(l))) {
    const inner = b.lines.map((l) => l.replace(/^>\s?/, ''));
    ctx.report.count('block-quote');
    return { kind: 'quote', blocks: [toBlock({ lines: inner, line: b.line }, ctx, inline)], line: b.line };
  }
  const item = /^(?:([-*+])|(\d{1,9})[.)])\s+/;
  if (item.test(first)) {
    const items: string[] = [];
    for (const l of b.lines) {
      if (item.test(l)) items.push(l.replace(item, ''));
      else items[items.length - 1] += ` ${l.trim()}`;
    }
    return { kind: 'list', ordered: !/^[-*+]/.test(first), items: items.map((t) => inline(t, b.line)), line: b.line };
  }
  // Every line but the last ends in a hard break: verse, kept line by line.
  const hard = (l: string) => /(?:\\| {2})$/.test(l);
  if (b.lines.length > 1 && b.lines.slice(0, -1).every(hard)) {
    ctx.report.count('verse');
    return { kind: 'verse', lines: b.lines.map((l) => inline(l.replace(/(?:\\| {2})$/, '').trim(), b.line)), line: b.line };
  }
  return { kind: 'paragraph', text: inline(joinParagraph(b.lines.map((l) => l.trim()), ctx, b.line), b.line), line: b.line };
}
