/**
 * The one Markdown dialect of sources — CommonMark with raw HTML, GFM tables
 * and GFM footnotes — read by markdown-it (about ten times faster than
 * micromark, issue 9). markdown-it keeps only line ranges on block tokens;
 * every message needs file:line:column, so each rule is wrapped to record
 * where its first token starts in the source (`srcStart`), and the block
 * rules record where each line of their inline content starts (`srcLines`).
 * Columns are then computed only for the nodes that carry a position.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { footnoteDefinition, footnoteReference, type FootnoteEnv } from './footnote-syntax.js';

/** A token with the source offsets recorded while parsing. */
export interface PosToken extends Token {
  /** Offset where the construct starts: in `src` for blocks, in the inline content for inline tokens. */
  srcStart?: number;
  /** For an inline token: the source offset of the first non-blank character of each of its lines. */
  srcLines?: number[];
  /** For table_open: each row line's content, from its first non-blank character to the line end. */
  rowSpans?: [number, number][];
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type InlineRule = (state: StateInline, silent: boolean) => boolean;
type RuleList<F> = { __rules__: { name: string; fn: F }[]; __cache__: unknown };

/** Lines of a block whose text is inline content: where each starts (after container markers and indentation). */
function contentLines(state: StateBlock, from: number, to: number): number[] {
  const lines: number[] = [];
  for (let l = from; l < to; l++) lines.push(state.bMarks[l]! + state.tShift[l]!);
  return lines;
}

/** Records where a block construct starts, and where its inline content's lines start. */
function positioned(name: string, fn: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    if (silent) return fn(state, startLine, endLine, silent);
    const n = state.tokens.length;
    let start = state.bMarks[startLine]! + state.tShift[startLine]!;
    // micromark counts indentation beyond the container as part of code and HTML blocks.
    // (The spaces after a note's `]:` belong to its marker.)
    if ((name === 'code' || name === 'html_block') && !(state.env as FootnoteEnv).contentStarts?.has(state.bMarks[startLine]!)) {
      start -= Math.max(0, Math.min(state.tShift[startLine]!, state.sCount[startLine]! - state.blkIndent));
    }
    const ok = fn(state, startLine, endLine, silent);
    if (!ok || state.tokens.length === n) return ok;
    const first = state.tokens[n] as PosToken;
    first.srcStart ??= start;
    if (name === 'paragraph' || name === 'lheading' || name === 'heading') {
      const inline = state.tokens[n + 1] as PosToken | undefined;
      if (inline?.type === 'inline' && inline.map) inline.srcLines = contentLines(state, inline.map[0], inline.map[1]);
    } else if (name === 'table' && first.map) {
      first.rowSpans = [];
      for (let l = first.map[0]; l < first.map[1]; l++) first.rowSpans.push([state.bMarks[l]! + state.tShift[l]!, state.eMarks[l]!]);
    }
    return ok;
  };
}

/**
 * GFM (and micromark) want a `:` or `|` in the delimiter row — `a\n---` is a
 * setext heading — and more than a lone `|` in the header row; markdown-it
 * accepts both as tables.
 */
function gfmTableOnly(fn: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const delimiter = startLine + 1;
    if (delimiter >= endLine) return false; // a table needs two lines (markdown-it's first test)
    const from = state.bMarks[delimiter]! + state.tShift[delimiter]!;
    const first = state.src.charCodeAt(from);
    // markdown-it's next test, before anything is sliced: most lines are no delimiter row.
    if (first !== 0x7c && first !== 0x2d && first !== 0x3a) return false;
    const row = state.src.slice(from, state.eMarks[delimiter]);
    if (!row.includes('|') && !row.includes(':')) return false;
    if (state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]).trim() === '|') return false;
    return fn(state, startLine, endLine, silent);
  };
}

/**
 * mdast keeps a code span's line endings (markdown-it makes them spaces) and
 * strips one space or line ending from both ends when both have one.
 */
function codeAsMdast(fn: InlineRule): InlineRule {
  return (state, silent) => {
    const start = state.pos;
    const n = state.tokens.length;
    const ok = fn(state, silent);
    const token = state.tokens[state.tokens.length - 1];
    if (!ok || silent || state.tokens.length === n || token?.type !== 'code_inline') return ok;
    const fence = token.markup.length;
    let raw = state.src.slice(start + fence, state.pos - fence);
    if (raw.length > 2 && /^[ \n]/.test(raw) && /[ \n]$/.test(raw) && /[^ \n]/.test(raw)) raw = raw.slice(1, -1);
    token.content = raw;
    return ok;
  };
}

/** State with a record of where the pending text run began. */
interface PosStateInline extends StateInline {
  pendingStart: number;
}

/** Records where an inline construct (or a run of text it starts) begins in the inline content. */
function positionedInline(fn: InlineRule): InlineRule {
  return (state, silent) => {
    if (silent) return fn(state, silent);
    const pos = state.pos;
    const n = state.tokens.length;
    const hadPending = state.pending !== '';
    const ok = fn(state, silent);
    if (!ok) return ok;
    // A push first flushes the pending text into a token of its own.
    const first = hadPending && state.tokens.length > n ? n + 1 : n;
    // The emphasis rule pushes one text token per delimiter character: each starts one further.
    let at = pos;
    for (let k = first; k < state.tokens.length; k++) {
      const token = state.tokens[k] as PosToken;
      if (token.srcStart === undefined) token.srcStart = at;
      if (token.type !== 'text' || k === state.tokens.length - 1) break;
      at = token.srcStart + token.content.length;
    }
    if (!hadPending && state.pending !== '') (state as PosStateInline).pendingStart = pos;
    return ok;
  };
}

/** Characters no rule claims become text, like markdown-it's own fallback, but with a start. */
function anyCharacter(state: StateInline, silent: boolean): boolean {
  if (!silent) {
    if (state.pending === '') (state as PosStateInline).pendingStart = state.pos;
    state.pending += state.src[state.pos];
  }
  state.pos++;
  return true;
}

/** markdown-it's fragments_join, keeping the start of the first of the joined texts. */
function joinFragments(state: StateInline): boolean {
  const tokens = state.tokens as PosToken[];
  let level = 0;
  let last = 0;
  let curr = 0;
  for (; curr < tokens.length; curr++) {
    const t = tokens[curr]!;
    if (t.nesting < 0) level--;
    t.level = level;
    if (t.nesting > 0) level++;
    const next = tokens[curr + 1];
    if (t.type === 'text' && next?.type === 'text') {
      // What is left of a delimiter run may be empty: the joined text starts with the next one then.
      if (t.content !== '') next.srcStart = t.srcStart;
      next.content = t.content + next.content;
    } else {
      if (curr !== last) tokens[last] = t;
      last++;
    }
  }
  if (curr !== last) tokens.length = last;
  return true;
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true });
  // micromark has no nesting limit; markdown-it's preset stops at 20 and drops the rest.
  (md.options as { maxNesting: number }).maxNesting = 1000;
  md.enable('table');
  // mdast keeps destinations as written (escapes and references decoded): no
  // percent-encoding, no punycode, and no scheme is refused here — the link
  // policy (link-target.ts) decides and reports.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  md.core.ruler.disable('text_join');
  // Like a block quote, a definition interrupts a paragraph, also a lazy line of a quote or list item.
  md.block.ruler.before('reference', 'footnote_def', footnoteDefinition, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('link', 'footnote_ref', footnoteReference);
  md.inline.ruler2.at('fragments_join', joinFragments);

  const block = md.block.ruler as unknown as RuleList<BlockRule>;
  const table = block.__rules__.find((r) => r.name === 'table')!;
  table.fn = gfmTableOnly(table.fn);
  for (const rule of block.__rules__) rule.fn = positioned(rule.name, rule.fn);
  block.__cache__ = null;
  const inline = md.inline.ruler as unknown as RuleList<InlineRule>;
  const backticks = inline.__rules__.find((r) => r.name === 'backticks')!;
  backticks.fn = codeAsMdast(backticks.fn);
  for (const rule of inline.__rules__) rule.fn = positionedInline(rule.fn);
  inline.__cache__ = null;
  md.inline.ruler.push('any_character', anyCharacter);

  // The text run that a flush turns into a token starts where its first character was read.
  const Base = md.inline.State;
  md.inline.State = class extends Base {
    pendingStart = 0;
    override pushPending(): Token {
      const token = super.pushPending() as PosToken;
      token.srcStart = this.pendingStart;
      return token;
    }
  } as typeof Base;
  return md;
}

let parser: MarkdownIt | undefined;

/** markdown-it's token stream for one Markdown text, with source offsets. */
export function markdownTokens(source: string): PosToken[] {
  parser ??= createParser();
  return parser.parse(source, {}) as PosToken[];
}
