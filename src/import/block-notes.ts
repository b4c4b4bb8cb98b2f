/**
 * Notes typed as text in a converted document (a web article with `[1]`
 * marks and an "Anmerkungen" list, as paragraphs or an ordered list): found
 * among the blocks, taken out of the body, and the marks linked to them.
 */
import type { ImportBlock, ImportContext, ImportNote } from './model.js';
import { markLinker } from './inline.js';
import { leadingMark, MARK_STYLES, NOTES_HEADING, normaliseLabel, stylesOf, trailingListStart, type MarkStyle } from './notes.js';

interface Found {
  label: string;
  paragraphs: string[];
  line: number;
  style?: MarkStyle;
}

const textOf = (b: ImportBlock): string => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text : '');

export function takeBlockNotes(blocks: readonly ImportBlock[], ctx: ImportContext, existing: readonly ImportNote[]): { blocks: ImportBlock[]; notes: ImportNote[] } {
  let body = [...blocks];
  const found: Found[] = [];
  const headingAt = body.findLastIndex((b) => (b.kind === 'heading' || b.kind === 'paragraph') && NOTES_HEADING.test(textOf(b).replace(/\*/g, '')));
  let listStart = -1;
  if (headingAt >= 0 && body.slice(headingAt + 1).some((b) => b.kind === 'list' || leadingMark(textOf(b)))) listStart = headingAt + 1;
  else {
    const start = trailingListStart(body.map(textOf));
    if (start >= 0) listStart = start;
  }
  if (listStart >= 0) {
    if (listStart === headingAt + 1 && headingAt >= 0) ctx.report.cut('notes-heading', ctx.file, body[headingAt]!.line, textOf(body[headingAt]!));
    for (const b of body.slice(listStart)) {
      if (b.kind === 'list' && b.ordered) {
        b.items.forEach((item) => found.push({ label: String(found.length + 1), paragraphs: [item], line: b.line }));
        continue;
      }
      const t = b.kind === 'paragraph' ? b.text : b.kind === 'list' ? b.items.join(' ') : b.kind === 'verse' ? b.lines.join(' ') : textOf(b);
      const m = leadingMark(t);
      if (m) found.push({ label: normaliseLabel(m.raw), paragraphs: [m.rest], line: b.line, style: m.style });
      else if (found.length > 0) found.at(-1)!.paragraphs.push(t);
      else ctx.report.doubt('notes-list', 'text after the notes heading before the first note: kept in the notes', ctx.file, b.line);
    }
    body = body.slice(0, headingAt >= 0 && listStart === headingAt + 1 ? headingAt : listStart);
  }
  // Interleaved: a paragraph opening with a mark an earlier paragraph used.
  const seen = new Set<string>();
  const kept: ImportBlock[] = [];
  for (const b of body) {
    const m = b.kind === 'paragraph' ? leadingMark(b.text) : undefined;
    if (m && seen.has(normaliseLabel(m.raw))) {
      found.push({ label: normaliseLabel(m.raw), paragraphs: [m.rest], line: b.line, style: m.style });
      ctx.report.count('notes-interleaved');
      continue;
    }
    for (const style of MARK_STYLES) for (const x of textOf(b).matchAll(style.inText)) seen.add(normaliseLabel(x[1]!));
    kept.push(b);
  }
  const labels = new Set([...existing.map((n) => n.label), ...found.map((n) => n.label)]);
  const linker = markLinker(ctx, labels, stylesOf(found));
  const link = (b: ImportBlock): ImportBlock => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return { ...b, text: linker.link(b.text, b.line) };
      case 'verse':
        return { ...b, lines: b.lines.map((l) => linker.link(l, b.line)) };
      case 'list':
        return { ...b, items: b.items.map((l) => linker.link(l, b.line)) };
      case 'quote':
        return { ...b, blocks: b.blocks.map(link) };
      default:
        return b;
    }
  };
  return { blocks: kept.map(link), notes: found.map((n) => ({ label: n.label, line: n.line, paragraphs: n.paragraphs.map((p) => linker.link(p, n.line)) })) };
}
