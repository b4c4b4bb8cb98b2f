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
import { leaves, tagged } from './structure.js';

/** Builds the flow of an edition (already hyphenated). */
export function bookFlow(edition: Edition, labelsFor: (lang: string) => Labels, ctx: LayoutContext): FlowItem[] {
  const labels = labelsFor(edition.meta.lang);
  const out: FlowItem[] = [];
  const tags = ctx.tags;
  // Structure (tagged PDF): Document › Sect (title pages) › Sect (contents) › Part › Sect per text.
  tagged(tags, out, 'Sect', () => leaves(tags, out, () => 'P', () => out.push(...frontMatter(edition, labels, ctx))));
  out.push(...layoutToc(tocEntries(edition, labelsFor), labels, ctx));
  edition.parts.forEach((part, i) => {
    const textLevel = part.title ? 1 : 0;
    const texts = (): void => {
      for (const text of part.texts) {
        const lang = text.meta.lang !== edition.meta.lang ? { lang: text.meta.lang } : {};
        tagged(tags, out, 'Sect', () => {
          // The opening: title H1, subtitle, authors and dates P.
          leaves(tags, out, (k) => (k === 0 ? 'H1' : 'P'), () => out.push(...textOpening(text, labelsFor(text.meta.lang), textLevel, ctx)));
          layoutBlocks(text.blocks, bodyEnv(ctx, text), { ...ctx, outlineLevel: textLevel }, out);
          if (edition.meta.notes === 'text') out.push(...textNotes(text, labelsFor(text.meta.lang), textLevel + 1, ctx));
        }, lang);
      }
    };
    if (!part.title) return texts();
    tagged(tags, out, 'Part', () => {
      leaves(tags, out, () => 'H1', () => out.push(...partPage(part.title!, i, ctx)));
      texts();
    });
  });
  if (edition.meta.notes === 'book') out.push(...bookNotes(edition, labels, ctx));
  return out;
}
