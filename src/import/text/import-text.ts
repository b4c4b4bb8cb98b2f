/**
 * Plain text → blocks and notes: whitespace, junk, the notes list, the
 * layout of paragraphs and verse, headings, and note marks linked.
 */
import { isHeading, looksLikeHeading } from '../../cleaning/headings.js';
import { cleanLine, splitLines } from '../../cleaning/normalize.js';
import { quoteBalance } from '../../cleaning/quotes.js';
import { cutAfter, cutLines, cutPatterns, cutWebFurniture, RecipeMismatch } from '../junk.js';
import type { ImportBlock, ImportContext, ImportedBody, ImportNote, RawLine } from '../model.js';
import { leadingMark, MARK_STYLES, normaliseLabel, NOTES_HEADING, parseNotesList, trailingListStart, type RawNoteText } from '../notes.js';
import { markLinker, plainToInline } from '../inline.js';
import { joinLines } from './dehyphenate.js';
import { isHardWrapped, layout, type TextBlock } from './layout.js';

// A bibliographic line standing alone at the end of the text: "W.I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd.26, S. 298-302".
const SOURCE_LINE = /^(?=.*\d)(?=.*(?:Verlag|Werke|Bd\.|Band|S\.\s?\d|Seite|Quelle:|Aus:|Source:|pp?\.\s?\d)).{10,200}$/;
// Numbered section titles: "3. Die Lage", "IV. Der Staat".
const NUMBERED = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s+(?=\p{Lu})/u;

export function importText(raw: string, ctx: ImportContext): ImportedBody {
  const { recipe, report, file } = ctx;
  const rawLines = splitLines(raw);
  const nbsp = rawLines.filter((l) => l.includes('\u00a0')).length;
  report.count('nbsp-spaces', nbsp);
  let lines: RawLine[] = rawLines.map((t, i) => ({ text: cleanLine(t), line: i + 1 }));
  if (recipe['cut-after'] !== undefined) lines = cutAfter(lines, recipe['cut-after'], file, report);
  else if (ctx.enabled('web-furniture')) lines = cutWebFurniture(lines, file, report);
  lines = cutLines(lines, recipe['cut-lines'] ?? [], file, report);
  lines = cutPatterns(lines, (recipe['cut-patterns'] ?? []).map((p) => new RegExp(p, 'u')), file, report);

  const { body, notesRegion } = splitNotes(lines, ctx);
  const wrappedText = isHardWrapped(body);
  const join = wrappedText
    ? (l: string, r: string, line: number) => {
        const j = joinLines(l, r, ctx.lang);
        if (j.kind === 'rejoined') report.change('dehyphenate', file, line, j.from!, j.to!);
        else report.count('join-lines');
        return j.text;
      }
    : undefined;
  const { notes: rawNotes, before } = parseNotesList(notesRegion, recipe['note-labels'], join);
  for (const l of before) report.doubt('notes-list', 'text between the notes heading and the first note: kept at the end of the text', file, l.line);
  const bodyLines = [...takeMetadataLines(body, ctx), ...before.flatMap((l) => [{ text: '', line: l.line }, l])];

  const keepEmphasis = ctx.enabled('emphasis') && /(^|\s)\*[^*\s][^*]*\*(?=[\s.,;:!?]|$)/m.test(raw);
  const blocks = layout(bodyLines, {
    file,
    lang: ctx.lang,
    seams: [...(recipe.joins ?? []).map((j) => ({ after: j.after, action: 'join' as const })), ...(recipe.splits ?? []).map((s) => ({ after: s.after, action: 'split' as const }))],
    verses: recipe.verse ?? [],
    enabled: ctx.enabled,
    report,
  });
  const interleaved = takeInterleavedNotes(blocks, ctx);
  const allNotes = [...rawNotes, ...interleaved.notes];
  checkDuplicates(allNotes, ctx);
  const styles = [...new Set(allNotes.map((n) => n.style))];
  const linker = markLinker(ctx, new Set(allNotes.map((n) => n.label)), styles.length ? styles : MARK_STYLES.filter((s) => s.name === 'bracket'));
  const inline = (s: string, line: number) => linker.link(plainToInline(s, ctx, keepEmphasis), line);

  const out: ImportBlock[] = [];
  let quoteDepth = 0;
  for (const b of interleaved.blocks) {
    if (b.kind === 'verse') {
      const lines = b.lines.map((l) => inline(l, b.line));
      out.push({ kind: 'verse', lines, line: b.line });
      quoteDepth = Math.max(0, quoteDepth + quoteBalance(lines.join('')));
      continue;
    }
    const t = inline(b.text, b.line);
    if (b.kind === 'quote') {
      out.push({ kind: 'quote', blocks: [{ kind: 'paragraph', text: t, line: b.line }], line: b.line });
      continue;
    }
    const numbered = NUMBERED.test(t) && looksLikeHeading(t.replace(NUMBERED, ''));
    const heading = ctx.enabled('headings') && (isHeading({ text: t, blankBefore: b.blankBefore, blankAfter: b.blankAfter, quoteDepth }) || (numbered && b.blankBefore && b.blankAfter && quoteDepth === 0));
    if (heading) report.count('headings');
    out.push(heading ? { kind: 'heading', text: t, depth: 2, line: b.line } : { kind: 'paragraph', text: t, line: b.line });
    quoteDepth = Math.max(0, quoteDepth + quoteBalance(t));
  }
  const notes: ImportNote[] = allNotes.map((n) => ({ label: n.label, line: n.line, paragraphs: n.paragraphs.map((p) => inline(p, n.line)) }));
  report.count('notes-found', notes.length);
  return { blocks: out, notes };
}

/** The notes list: after its heading (cut, reported), or a trailing run of marked lines. */
function splitNotes(lines: RawLine[], ctx: ImportContext): { body: RawLine[]; notesRegion: RawLine[] } {
  const wanted = ctx.recipe['notes-heading'];
  const headings = lines.flatMap((l, i) => ((wanted !== undefined ? l.text === wanted : NOTES_HEADING.test(l.text)) ? [i] : []));
  if (wanted !== undefined && headings.length !== 1) throw new RecipeMismatch('notes-heading', `notes heading ${JSON.stringify(wanted)} occurs ${headings.length} times, expected once`);
  const at = headings.at(-1);
  if (at !== undefined && lines.slice(at + 1).some((l) => leadingMark(l.text))) {
    ctx.report.cut('notes-heading', ctx.file, lines[at]!.line, lines[at]!.text);
    return { body: lines.slice(0, at), notesRegion: lines.slice(at + 1) };
  }
  const start = trailingListStart(lines.map((l) => l.text));
  return start < 0 ? { body: lines, notesRegion: [] } : { body: lines.slice(0, start), notesRegion: lines.slice(start) };
}

/** A title line at the top and a source line at the bottom belong in the front matter. */
function takeMetadataLines(body: RawLine[], ctx: ImportContext): RawLine[] {
  let out = body;
  const text = out.filter((l) => l.text !== '');
  const last = text.at(-1);
  if (ctx.enabled('source-line') && ctx.recipe.source === undefined && last && text.length > 1 && SOURCE_LINE.test(last.text) && !leadingMark(last.text)) {
    ctx.found.source = last.text;
    ctx.report.count('source-line');
    ctx.report.doubt('source-line', `moved to the front matter as \`source\`: ${last.text}`, ctx.file, last.line);
    out = out.filter((l) => l !== last);
  }
  const first = text[0];
  const firstIdx = first ? out.indexOf(first) : -1;
  if (ctx.enabled('title-line') && ctx.recipe.title === undefined && first && text.length > 1 && looksLikeHeading(first.text) && (out[firstIdx + 1]?.text ?? '') === '') {
    ctx.found.title = first.text;
    ctx.report.count('title-line');
    out = out.filter((l) => l !== first);
  }
  return out;
}

/**
 * Notes standing after the paragraph that cites them: a paragraph that opens
 * with a mark whose label an earlier paragraph used.
 */
function takeInterleavedNotes(blocks: TextBlock[], ctx: ImportContext): { blocks: TextBlock[]; notes: RawNoteText[] } {
  const seen = new Set<string>();
  const kept: TextBlock[] = [];
  const notes: RawNoteText[] = [];
  const labels = ctx.recipe['note-labels'] ?? {};
  for (const b of blocks) {
    const m = b.kind === 'paragraph' ? leadingMark(b.text) : undefined;
    const label = m ? normaliseLabel(m.raw, labels) : undefined;
    if (b.kind === 'paragraph' && m && label !== undefined && seen.has(label)) {
      notes.push({ label, rawLabel: m.raw, style: m.style, paragraphs: [m.rest], line: b.line });
      ctx.report.count('notes-interleaved');
      seen.delete(label);
      continue;
    }
    const texts = b.kind === 'verse' ? b.lines : [b.text];
    for (const style of MARK_STYLES) for (const t of texts) for (const x of t.matchAll(style.inText)) seen.add(normaliseLabel(x[1]!, labels));
    kept.push(b);
  }
  return { blocks: kept, notes };
}

function checkDuplicates(notes: readonly RawNoteText[], ctx: ImportContext): void {
  const seen = new Map<string, number>();
  for (const n of notes) {
    const first = seen.get(n.label);
    if (first !== undefined) ctx.report.doubt('note-duplicate', `note ${n.label} is given twice (first at line ${first}); the second is renamed ${n.label}-2`, ctx.file, n.line);
    if (first !== undefined) n.label = `${n.label}-2`;
    else seen.set(n.label, n.line);
  }
}
