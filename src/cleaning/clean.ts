/**
 * One seed + its recipe → the text of a source file (front matter, body,
 * footnote definitions). Pure: the same input always gives the same bytes.
 */
import { toBlocks, type RawBlock, type Seam, type VerseSpan } from './blocks.js';
import { escapeBlockStart, escapeInline } from './escape.js';
import { renderFrontMatter, type FrontMatter, type FrontMatterComments } from './frontmatter.js';
import { isHeading } from './headings.js';
import { cutTrailingJunk, dropLines } from './junk.js';
import { cleanLine, splitLines } from './normalize.js';
import { markNoteRefs, noteRefLabels, parseNotes, renderNote, splitBodyAndNotes, type NoteSyntax } from './notes.js';
import { germanQuotes, quoteBalance } from './quotes.js';

export interface SeedRecipe {
  /** File name of the raw seed. */
  seed: string;
  frontMatter: FrontMatter & { id: string; title: string };
  comments?: FrontMatterComments;
  /** The first line of the website furniture after the text. */
  firstJunkLine?: string;
  /** Lines that are metadata (now in the front matter), not text. */
  metadataLines?: string[];
  notes: NoteSyntax;
  seams?: Seam[];
  verses?: VerseSpan[];
  /** Look for bare section-heading lines. */
  headings: boolean;
  /** The seed marks emphasis with `*…*` itself. */
  keepEmphasis?: boolean;
  /**
   * The seed starts mid-sentence (the beginning is lost): the text then opens
   * with the editorial omission mark "[…]", so a reader sees it is a fragment.
   */
  startsMidSentence?: boolean;
}

export function cleanSeed(raw: string, recipe: SeedRecipe): string {
  let lines = splitLines(raw).map(cleanLine);
  if (recipe.firstJunkLine !== undefined) lines = cutTrailingJunk(lines, recipe.firstJunkLine);
  lines = dropLines(lines, recipe.metadataLines ?? []);
  const { body, notes } = splitBodyAndNotes(lines, recipe.notes);
  const text = (s: string): string => germanQuotes(escapeInline(s, recipe.keepEmphasis));

  const rendered = renderBody(toBlocks(body, recipe.seams, recipe.verses), text, recipe.headings);
  // "\[…\]": escaped so Markdown never reads the mark as a link label.
  const bodyMd = recipe.startsMidSentence ? `\\[…\\] ${rendered}` : rendered;
  const rawNotes = parseNotes(notes, recipe.notes);
  checkNotes(bodyMd, rawNotes.map((n) => n.label), recipe.frontMatter['unanchored-notes'] ?? []);
  const notesMd = rawNotes.map((n) => renderNote(n.label, n.paragraphs.map((p) => escapeBlockStart(text(p)))));

  return `${renderFrontMatter(recipe.frontMatter, recipe.comments)}\n${[bodyMd, ...notesMd].join('\n\n')}\n`;
}

function renderBody(blocks: readonly RawBlock[], text: (s: string) => string, findHeadings: boolean): string {
  const out: string[] = [];
  let quoteDepth = 0;
  for (const block of blocks) {
    if (block.kind === 'verse') {
      const lines = block.lines.map((l) => escapeBlockStart(markNoteRefs(text(l))));
      // A trailing backslash is CommonMark's visible hard break (trailing spaces would be stripped by editors).
      out.push(lines.map((l, i) => `> ${l}${i < lines.length - 1 ? '\\' : ''}`).join('\n'));
      quoteDepth = Math.max(0, quoteDepth + quoteBalance(lines.join('')));
      continue;
    }
    const t = markNoteRefs(text(block.text));
    const heading = findHeadings && isHeading({ text: t, blankBefore: block.blankBefore, blankAfter: block.blankAfter, quoteDepth });
    out.push(heading ? `## ${t}` : escapeBlockStart(t));
    quoteDepth = Math.max(0, quoteDepth + quoteBalance(t));
  }
  return out.join('\n\n');
}

/** Every reference has its note; a note without reference must be declared unanchored. */
function checkNotes(bodyMd: string, defined: readonly string[], declaredUnanchored: string | readonly string[]): void {
  const refs = new Set(noteRefLabels(bodyMd));
  const undefinedRefs = [...refs].filter((r) => !defined.includes(r));
  if (undefinedRefs.length > 0) throw new Error(`note references without a note: ${undefinedRefs.join(', ')}`);
  const unanchored = defined.filter((d) => !refs.has(d));
  const declared = typeof declaredUnanchored === 'string' ? [declaredUnanchored] : [...declaredUnanchored];
  if (unanchored.join(' ') !== declared.join(' ')) {
    throw new Error(`notes without reference are [${unanchored.join(', ')}] but unanchored-notes says [${declared.join(', ')}]`);
  }
}
