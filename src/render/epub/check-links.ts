/**
 * The build's self-check: after rendering, every internal href of every
 * document must name a document of the book and an id inside it (and every
 * src a file of the book). A miss is a
 * bug in edition, never something to ship: epubcheck would report RSC-012 and
 * a reader's tap would go nowhere (issue 8, item 3 shipped such a book with
 * exit code 0). The check throws, which the CLI reports as an internal error.
 */

export interface CheckedDocument {
  filename: string;
  body: string;
}

/** An internal link that does not resolve. */
export interface BrokenLink {
  from: string;
  href: string;
  reason: string;
}

const ID = /\sid="([^"]*)"/g;
/** Links (href) and embedded files (src: images). */
const HREF = /\s(?:href|src)="([^"]*)"/g;
/** Links that leave the book (http:, https:, mailto:) are not ours to check. */
const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every broken internal link (href) of the documents; `resources` are the book's other files (style sheet, images). */
export function brokenLinks(documents: CheckedDocument[], resources: readonly string[] = []): BrokenLink[] {
  const ids = new Map(documents.map((d) => [d.filename, new Set([...d.body.matchAll(ID)].map((m) => unescape(m[1]!)))]));
  const links = documents.flatMap((d) => [...d.body.matchAll(HREF)].map((m) => ({ from: d.filename, href: unescape(m[1]!) })));
  const broken: BrokenLink[] = [];
  for (const { from, href } of links) {
    if (EXTERNAL.test(href)) continue;
    const hash = href.indexOf('#');
    const file = hash < 0 ? href : href.slice(0, hash);
    const fragment = hash < 0 ? '' : href.slice(hash + 1);
    const target = file === '' ? from : file;
    const targetIds = ids.get(target);
    if (!targetIds && resources.includes(target) && !fragment) continue;
    if (!targetIds) broken.push({ from, href, reason: `no file ${target} in the book` });
    else if (fragment && !targetIds.has(fragment)) broken.push({ from, href, reason: `${target} has no id "${fragment}"` });
  }
  return broken;
}

/** Throws (an internal error) when any internal link is broken, naming each. */
export function assertLinksResolve(documents: CheckedDocument[], resources: readonly string[] = []): void {
  const broken = brokenLinks(documents, resources);
  if (broken.length === 0) return;
  const list = broken.slice(0, 10).map((b) => `${b.from}: href="${b.href}" (${b.reason})`).join('; ');
  throw new Error(`EPUB self-check: ${broken.length} internal link${broken.length === 1 ? '' : 's'} would not resolve: ${list}`);
}
