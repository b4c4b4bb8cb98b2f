/**
 * An endnotes section (DAISY / EPUB SSV): <section epub:type="endnotes"
 * role="doc-endnotes">, one <li epub:type="endnote"> per note.
 *
 * Each note begins with its number, which links back to the first reference
 * (role doc-backlink), as pandoc and Standard Ebooks write it: Kindle builds
 * its note pop-ups from that leading backlink, and a reader sees which note
 * this is without relying on list markers. A note cited more than once gets
 * further backlinks at its end, "↩ a, b" for the second, third … reference.
 * Every link target comes from the book's AnchorMap, so a backlink finds its
 * reference wherever it is placed (in a text, or in another note in the
 * book's notes document).
 *
 * The notes carry no role="doc-endnote": DPUB-ARIA 1.1 deprecated it because
 * it overrides the list-item semantics of <li>, and EPUBCheck 5 warns about
 * it (RSC-017). Reading systems find the notes by epub:type (README, "EPUB").
 * Classes (endnotes, notes, note-number, backlink) are what the style sheet
 * selects on: epub.js parses chapters as HTML, where `epub|type` never matches.
 */
import type { Note } from '../../model/types.js';
import { escapeXml } from './escape.js';
import type { XhtmlContext } from './context.js';
import { blocksToXhtml } from './block.js';
import { noteId, notesAnchor, refId } from './ids.js';

/** U+21A9 with VS15, so iOS shows a text arrow rather than an emoji. */
const BACKLINK = '\u21a9\ufe0e';

/** a, b, … z, aa, ab … for the second and later references. */
function letter(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : letter(Math.floor(index / 26) - 1) + letter(index % 26);
}

/** The note's number: a backlink to its first reference, or plain when nothing refers to it. */
function numberMark(note: Note, ctx: XhtmlContext): string {
  if (note.references === 0) return `<span class="note-number">${note.number}</span>`;
  const href = ctx.anchors.href(ctx.currentFile, refId(ctx.textId, note.number, 1));
  return `<a class="note-number backlink" href="${escapeXml(href)}" role="doc-backlink" aria-label="${escapeXml(`${note.number} ${ctx.labels.backToText}`)}">${note.number}</a>`;
}

/** Backlinks to the second and later references of a note cited several times. */
function moreBacklinks(note: Note, ctx: XhtmlContext): string {
  const links: string[] = [];
  for (let i = 2; i <= note.references; i++) {
    const href = ctx.anchors.href(ctx.currentFile, refId(ctx.textId, note.number, i));
    links.push(`<a class="backlink" href="${escapeXml(href)}" role="doc-backlink" aria-label="${escapeXml(`${ctx.labels.backToText} (${i})`)}">${letter(i - 2)}</a>`);
  }
  return links.length ? `<span class="backlinks"><span aria-hidden="true">${BACKLINK}</span> ${links.join(', ')}</span>` : '';
}

/** Renders one note: its number first, in the first paragraph (or a paragraph of its own), further backlinks last. */
function noteToXhtml(note: Note, ctx: XhtmlContext): string {
  const mark = numberMark(note, ctx);
  let body = blocksToXhtml(note.blocks, ctx, 3);
  if (note.blocks[0]?.type === 'paragraph' && body.startsWith('<p>')) body = `<p>${mark} ${body.slice(3)}`;
  else body = `<p class="note-number-line">${mark}</p>${body}`;
  const more = moreBacklinks(note, ctx);
  if (more && note.blocks[note.blocks.length - 1]?.type === 'paragraph' && body.endsWith('</p>')) body = `${body.slice(0, -4)} ${more}</p>`;
  else if (more) body += `<p>${more}</p>`;
  return `<li id="${noteId(ctx.textId, note.number)}" class="endnote" epub:type="endnote" value="${note.number}">${body}</li>`;
}

/** The endnotes of one text, under a heading of the given level. */
export function notesSection(notes: Note[], ctx: XhtmlContext, headingLevel: number, title: string): string {
  const anchor = notesAnchor(ctx.textId);
  return [
    `<section class="endnotes" epub:type="endnotes" role="doc-endnotes" id="${anchor}" aria-labelledby="${anchor}-h">`,
    `<h${headingLevel} id="${anchor}-h">${escapeXml(title)}</h${headingLevel}>`,
    '<ol class="notes">',
    ...notes.map((n) => noteToXhtml(n, ctx)),
    '</ol>',
    '</section>',
  ].join('\n');
}
