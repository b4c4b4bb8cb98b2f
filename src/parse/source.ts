/** One source file → one model Text (notes not yet numbered). */
import path from 'node:path';
import type { Text } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import { decodeSource } from './decode.js';
import { parseFrontMatter } from './frontmatter.js';
import { parseMarkdown, plainText } from './markdown.js';
import type { Block } from '../model/types.js';
import { forEachInlineList } from '../model/walk.js';

export interface ParsedSource {
  text: Text;
  /** Labels of notes whose reference marks were lost in the surviving text. */
  unanchoredNotes: string[];
}

export interface ParseOptions {
  /** Folder that links and images may not leave. */
  projectRoot: string;
  reporter: Reporter;
}

/** Parses the bytes of `file`. Fatal problems throw; the rest goes to the reporter. */
export function parseSource(file: string, bytes: Uint8Array, options: ParseOptions): ParsedSource {
  const source = decodeSource(bytes, file);
  const defaultId = path.basename(file).replace(/\.md$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  const fm = parseFrontMatter(source, file, defaultId, options.reporter);
  const { blocks, notes } = parseMarkdown(fm.body, {
    file,
    lineOffset: fm.bodyLineOffset,
    projectRoot: options.projectRoot,
    reporter: options.reporter,
  });
  if (blocks.length === 0) {
    options.reporter.error('text-empty', 'the text has front matter but no body', { file, line: fm.bodyLineOffset + 1, column: 1 });
  }
  const words = countWords(blocks) + notes.reduce((n, note) => n + countWords(note.blocks), 0);
  return { text: { meta: fm.meta, file, blocks, notes, words }, unanchoredNotes: fm.unanchoredNotes };
}

/**
 * A word: a run of non-spaces with a letter or digit in it. Each match starts
 * at a run's start and stops at its first letter, so a run counts once — the
 * count of `split(/\s+/)` pieces holding a letter, without the pieces.
 */
const WORD = /(?:^|\s)\S*?[\p{L}\p{N}]/gu;

/** Words of every inline list (paragraphs, headings, verse, quotes, lists, table cells). */
function countWords(blocks: Block[]): number {
  let n = 0;
  forEachInlineList(blocks, (inlines) => {
    n += plainText(inlines).match(WORD)?.length ?? 0;
  });
  return n;
}
