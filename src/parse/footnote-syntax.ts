/**
 * GFM footnotes for markdown-it, as micromark reads them: `[^label]: …` is a
 * container (later blocks indented by four spaces belong to it) that stays
 * where it stands, and `[^label]` is a reference only when some definition
 * has that label (case-insensitive). Unlike markdown-it-footnote nothing is
 * moved to the end or dropped (unused notes must be reported), and no token
 * array is copied per note, so a text with thousands of notes parses in
 * linear time.
 */
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/** What the footnote rules keep in markdown-it's `env` for one parse. */
export interface FootnoteEnv {
  /** Identifiers of every definition, found by the block pass before any inline parsing. */
  footnotes?: Set<string>;
  /** Offsets where a definition's content starts after `]:` — a marker, not indentation, precedes them. */
  contentStarts?: Set<number>;
}

/** GFM's label limit (micromark `linkReferenceSizeMax`). */
const MAX_LABEL = 999;

/** mdast's identifier: whitespace collapsed, case folded the way CommonMark matches labels. */
export function footnoteIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}

/** End of a label that starts at `pos` (after `[^`): the index of its `]`, or -1. */
function labelEnd(src: string, pos: number, max: number): number {
  let size = 0;
  for (let i = pos; i < max; i++) {
    const c = src.charCodeAt(i);
    if (size > MAX_LABEL) return -1;
    if (c === 0x5d /* ] */) return i === pos ? -1 : i;
    if (c === 0x5b /* [ */ || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return -1;
    if (c === 0x5c /* \ */) {
      const next = src.charCodeAt(i + 1);
      if (next === 0x5b || next === 0x5c || next === 0x5d) {
        i++;
        size++;
      }
    }
    size++;
  }
  return -1;
}

/** Block rule: a footnote definition and its content, kept in place between footnote_open/close. */
export function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) return false;
  const end = labelEnd(state.src, start + 2, max);
  if (end < 0 || state.src.charCodeAt(end + 1) !== 0x3a /* : */) return false;
  if (silent) return true;
  const label = state.src.slice(start + 2, end);
  const env = state.env as FootnoteEnv;
  (env.footnotes ??= new Set()).add(footnoteIdentifier(label));

  const open = state.push('footnote_open', '', 1);
  open.meta = { label };
  open.map = [startLine, 0];

  // Read the rest as a container, the way markdown-it-footnote does: the first
  // line starts after the colon, and the content is indented by four.
  const oldBMark = state.bMarks[startLine]!;
  const oldTShift = state.tShift[startLine]!;
  const oldSCount = state.sCount[startLine]!;
  const oldParent = state.parentType;
  const afterColon = end + 2;
  const initial = state.sCount[startLine]! + afterColon - start;
  let offset = initial;
  let pos = afterColon;
  while (pos < max) {
    const ch = state.src.charCodeAt(pos);
    if (ch === 0x09) offset += 4 - (offset % 4);
    else if (ch === 0x20) offset++;
    else break;
    pos++;
  }
  state.tShift[startLine] = pos - afterColon;
  state.sCount[startLine] = offset - initial;
  state.bMarks[startLine] = afterColon;
  (env.contentStarts ??= new Set()).add(afterColon);
  state.blkIndent += 4;
  state.parentType = 'footnote' as typeof state.parentType;
  if (state.sCount[startLine]! < state.blkIndent) state.sCount[startLine]! += state.blkIndent;
  state.md.block.tokenize(state, startLine, endLine);
  state.parentType = oldParent;
  state.blkIndent -= 4;
  state.tShift[startLine] = oldTShift;
  state.sCount[startLine] = oldSCount;
  state.bMarks[startLine] = oldBMark;
  open.map[1] = state.line;
  state.push('footnote_close', '', -1);
  return true;
}

/** Inline rule: `[^label]` when a definition with that label exists. */
export function footnoteReference(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) return false;
  const defined = (state.env as FootnoteEnv).footnotes;
  if (!defined) return false;
  const end = labelEnd(state.src, start + 2, max);
  if (end < 0) return false;
  const label = state.src.slice(start + 2, end);
  const identifier = footnoteIdentifier(label);
  if (!defined.has(identifier)) return false;
  if (!silent) {
    const token = state.push('footnote_ref', '', 0);
    token.meta = { label, identifier };
  }
  state.pos = end + 1;
  return true;
}
