/**
 * The whole book as one flow, in page order: front matter, contents, parts
 * and texts (each with its notes, or all notes at the end).
 */
import type { Edition, Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { bodyEnv, layoutBlocks, type LayoutContext } from './blocks.js';
import type { FlowItem } from './flow.js';
import { frontMatter } from './frontmatter.js';
import { bookNotes, textNotes } from './notes.js';
import { partPage, textOpening } from './opening.js';
import { layoutToc, tocEntries } from './toc.js';
import { leaves, tagged } from './structure.js';

/** A text typeset elsewhere (a worker thread, typeset-pool.ts): adds its flow and structure where the text belongs. */
export type AdoptText = (text: Text, out: FlowItem[], ctx: LayoutContext) => boolean;

/** Builds the flow of an edition (already hyphenated); `adopt` takes texts typeset beforehand. */
export function bookFlow(edition: Edition, labelsFor: (lang: string) => Labels, ctx: LayoutContext, adopt: AdoptText = () => false): FlowItem[] {
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
        if (!adopt(text, out, ctx)) textFlow(text, { lang: edition.meta.lang, notes: edition.meta.notes, textLevel }, labelsFor(text.meta.lang), ctx, out);
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

/** Where a text sits in its edition: what its layout needs besides the text. */
export interface TextPlace {
  /** The edition's language: a text in another one is a Sect with /Lang. */
  lang: string;
  notes: Edition['meta']['notes'];
  /** Outline level of the text's title (1 inside a titled part). */
  textLevel: number;
}

/** One text's flow (opening, body, its notes) in a Sect of its own: the unit typeset in parallel. */
export function textFlow(text: Text, place: TextPlace, labels: Labels, ctx: LayoutContext, out: FlowItem[]): void {
  const tags = ctx.tags;
  const lang = text.meta.lang !== place.lang ? { lang: text.meta.lang } : {};
  tagged(tags, out, 'Sect', () => {
    // The opening: title H1, subtitle, authors and dates P.
    leaves(tags, out, (k) => (k === 0 ? 'H1' : 'P'), () => out.push(...textOpening(text, labels, place.textLevel, ctx)));
    layoutBlocks(text.blocks, bodyEnv(ctx, text), { ...ctx, outlineLevel: place.textLevel }, out);
    if (place.notes === 'text') out.push(...textNotes(text, labels, place.textLevel + 1, ctx));
  }, lang);
}
