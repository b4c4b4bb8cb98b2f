/**
 * A block of raw HTML (`<div>…</div>`, `<p>…</p>` at the start of a line).
 * Like inline HTML it never passes into an output: block-level tags are
 * dropped, and the text between them is read again as Markdown, so its words,
 * emphasis, links and inline tags survive (issue 8, item 9 — no visible tags).
 * A block with a tag that is not HTML at all (`<Lenin>`) stays visible text.
 */
import { HTML_ELEMENTS, STYLE_TAGS } from './inline-html.js';

/** Elements that structure blocks; any other tag is left to the inline pass. */
const BLOCK_ELEMENTS = new Set(
  ('address article aside blockquote body caption center col colgroup dd details dialog div dl dt fieldset figcaption figure footer ' +
    'h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav noscript ol p pre search section summary table tbody td ' +
    'template tfoot th thead title tr ul').split(' '),
);

const ANY_TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/g;

export interface HtmlBlockChunk {
  /** Markdown between two block-level tags, each line's indentation removed. */
  text: string;
  /** Lines of the block before the chunk starts (0 for the first line). */
  lineOffset: number;
}

/** The chunks of Markdown in a block and the block tags dropped; undefined when the block is not HTML. */
export function splitHtmlBlock(raw: string): { chunks: HtmlBlockChunk[]; dropped: string[] } | undefined {
  const chunks: HtmlBlockChunk[] = [];
  const dropped = new Set<string>();
  let last = 0;
  const push = (end: number) => {
    const text = raw.slice(last, end);
    // Indentation inside HTML is layout, not Markdown: four spaces must not make a code block.
    if (text.trim()) chunks.push({ text: text.replace(/^[ \t]+/gm, ''), lineOffset: raw.slice(0, last).split('\n').length - 1 });
  };
  for (const m of raw.matchAll(ANY_TAG)) {
    const name = m[1]!.toLowerCase();
    if (!BLOCK_ELEMENTS.has(name)) {
      if (HTML_ELEMENTS.has(name) || name in STYLE_TAGS || name === 'br') continue;
      return undefined;
    }
    dropped.add(name);
    push(m.index);
    last = m.index + m[0].length;
  }
  push(raw.length);
  return { chunks, dropped: [...dropped] };
}
