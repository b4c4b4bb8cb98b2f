/**
 * An endnotes section (DAISY / EPUB SSV): <section epub:type="endnotes"
 * role="doc-endnotes">, one <li epub:type="endnote"> per note, and a
 * doc-backlink per reference in the note's last paragraph (as
 * mdast-util-to-hast's footer and Standard Ebooks do).
 *
 * The notes carry no role="doc-endnote": DPUB-ARIA 1.1 deprecated it because
 * it overrides the list-item semantics of <li>, and EPUBCheck 5 warns about
 * it (RSC-017). Reading systems find the notes by epub:type (README, "EPUB").
 */
import type { Block, Note } from '../../model/types.js';
import { escapeXml } from './escape.js';
import { hrefTo, type XhtmlContext } from './context.js';
import { blocksToXhtml } from './block.js';
import { noteId, notesAnchor, refId } from './ids.js';

/** U+21A9 with VS15, so iOS shows a text arrow rather than an emoji. */
const BACKLINK = '\u21a9\ufe0e';

function backlinks(note: Note, ctx: XhtmlContext, textFile: string): string {
  const links: string[] = [];
  for (let i = 1; i <= note.references; i++) {
    const label = `${ctx.labels.backToText}${note.references > 1 ? ` (${i})` : ''}`;
    links.push(`<a href="${escapeXml(hrefTo(ctx, textFile, refId(ctx.textId, note.number, i)))}" role="doc-backlink" aria-label="${escapeXml(label)}">${BACKLINK}${i > 1 ? `<sup>${i}</sup>` : ''}</a>`);
  }
  return links.join(' ');
}

/** Renders one note; the backlinks go into its last paragraph (or a paragraph of their own). */
function noteToXhtml(note: Note, ctx: XhtmlContext, textFile: string): string {
  const back = backlinks(note, ctx, textFile);
  let body = blocksToXhtml(note.blocks, ctx, 3);
  const last = note.blocks[note.blocks.length - 1] as Block | undefined;
  if (back && last?.type === 'paragraph' && body.endsWith('</p>')) body = `${body.slice(0, -4)} ${back}</p>`;
  else if (back) body += `<p>${back}</p>`;
  return `<li id="${noteId(ctx.textId, note.number)}" epub:type="endnote" value="${note.number}">${body}</li>`;
}

/** The endnotes of one text. `heading` is the section's title element (h2/h3) or '' when a parent section has it. */
export function notesSection(notes: Note[], ctx: XhtmlContext, textFile: string, headingLevel: number, title: string): string {
  const anchor = notesAnchor(ctx.textId);
  return [
    `<section epub:type="endnotes" role="doc-endnotes" id="${anchor}" aria-labelledby="${anchor}-h">`,
    `<h${headingLevel} id="${anchor}-h">${escapeXml(title)}</h${headingLevel}>`,
    '<ol class="notes">',
    ...notes.map((n) => noteToXhtml(n, ctx, textFile)),
    '</ol>',
    '</section>',
  ].join('\n');
}
