/**
 * Blocks and notes → the text of a source file: front matter, body, note
 * definitions. Pure: the same input always gives the same bytes.
 */
import { escapeBlockStart } from '../cleaning/escape.js';
import { renderFrontMatter, type FrontMatter, type FrontMatterComments } from '../cleaning/frontmatter.js';
import type { ImportBlock, ImportNote } from './model.js';
import { renderNote } from './notes.js';

export interface SourceParts {
  frontMatter: FrontMatter;
  comments?: FrontMatterComments;
  blocks: readonly ImportBlock[];
  notes: readonly ImportNote[];
  /** The text opens with the editorial omission mark "[…]", so a reader sees it is a fragment. */
  startsMidSentence?: boolean;
}

export function renderSource(p: SourceParts): string {
  const body = p.blocks.map(renderBlock).join('\n\n');
  // "\[…\]": escaped so Markdown never reads the mark as a link label.
  const bodyMd = p.startsMidSentence ? `\\[…\\] ${body}` : body;
  const notesMd = p.notes.map((n) => renderNote(n.label, n.paragraphs.map(escapeBlockStart)));
  return `${renderFrontMatter(p.frontMatter, p.comments)}\n${[bodyMd, ...notesMd].filter((s) => s !== '').join('\n\n')}\n`;
}

function renderBlock(b: ImportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeBlockStart(b.text);
    case 'heading':
      return `${'#'.repeat(b.depth)} ${b.text}`;
    case 'verse':
      // A trailing backslash is CommonMark's visible hard break (trailing spaces would be stripped by editors).
      return b.lines.map((l, i) => `> ${escapeBlockStart(l)}${i < b.lines.length - 1 ? '\\' : ''}`).join('\n');
    case 'quote':
      return b.blocks.map(renderBlock).join('\n\n').split('\n').map((l) => (l === '' ? '>' : `> ${l}`)).join('\n');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item.replace(/\n/g, '\n   ')}`).join('\n');
    case 'rule':
      return '***';
  }
}
