/**
 * The whole book as one flow, in page order: front matter, contents, parts
 * and texts (each with its notes, or all notes at the end).
 */
import type { Edition } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { bodyEnv, layoutBlocks, type LayoutContext } from './blocks.js';
import type { FlowItem } from './flow.js';
import { frontMatter } from './frontmatter.js';
import { bookNotes, textNotes } from './notes.js';
import { partPage, textOpening } from './opening.js';
import { layoutToc, tocEntries } from './toc.js';

/** Builds the flow of an edition (already hyphenated). */
export function bookFlow(edition: Edition, labelsFor: (lang: string) => Labels, ctx: LayoutContext): FlowItem[] {
  const labels = labelsFor(edition.meta.lang);
  const out: FlowItem[] = [];
  out.push(...frontMatter(edition, labels, ctx));
  out.push(...layoutToc(tocEntries(edition, labelsFor), labels, ctx));
  edition.parts.forEach((part, i) => {
    const textLevel = part.title ? 1 : 0;
    if (part.title) out.push(...partPage(part.title, i, ctx));
    for (const text of part.texts) {
      out.push(...textOpening(text, labelsFor(text.meta.lang), textLevel, ctx));
      layoutBlocks(text.blocks, bodyEnv(ctx, text), { ...ctx, outlineLevel: textLevel }, out);
      if (edition.meta.notes === 'text') out.push(...textNotes(text, labelsFor(text.meta.lang), textLevel + 1, ctx));
    }
  });
  if (edition.meta.notes === 'book') out.push(...bookNotes(edition, labels, ctx));
  return out;
}
