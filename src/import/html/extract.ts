/**
 * A web page's article: the text without the page around it. Drops what is
 * never the text (scripts, navigation, headers and footers outside the
 * article, sidebars, forms, cookie banners, sharing buttons) and picks the
 * article root: `<article>`, `<main>`, `role="main"`, or else the element
 * holding the most paragraph text. Every visible word left out is reported
 * as cut, with the rule that cut it.
 */
import { type Document, Element, elements, INVISIBLE, isTag, lineOf, textOf, tokens } from './dom.js';
import type { ImportReport } from '../report.js';

// Class or id words of page furniture; matched as whole words of the attribute.
const JUNK_WORDS = /(?:^|[\s_-])(cookies?|consent|gdpr|banner|newsletter|share|sharing|social|sidebar|comments?|breadcrumbs?|related|advert|ads|promo|popup|modal|skip-link|navbar|menu|widget|subscribe|donate)(?:$|[\s_-])/i;
const JUNK_TAGS = new Set(['nav', 'form', 'button', 'input', 'select', 'textarea', 'aside']);

export interface Article {
  root: Element | Document;
  /** A heading of the page (h1, or <title>) that names the text. */
  title?: string;
}

/** Removes page furniture in place (reported as cut) and returns the article root. */
export function extractArticle(doc: Document, source: string, file: string, report: ImportReport): Article {
  const title = [...elements(doc)].find((e) => e.name === 'title');
  const pageTitle = title ? textOf(title).replace(/\s+/g, ' ').trim() : undefined;
  const removed = new Set<Element>();
  for (const el of [...elements(doc)]) {
    if (ancestors(el).some((a) => removed.has(a))) continue;
    const rule = junkRule(el);
    if (!rule) continue;
    if (!INVISIBLE.has(el.name)) report.cut(rule, file, lineOf(el, source), squash(textOf(el)));
    remove(el);
    removed.add(el);
  }
  const root = pickRoot(doc);
  if (root !== doc) {
    // Everything outside the article root is page, not text.
    for (const el of outside(root as Element)) {
      if (!INVISIBLE.has(el.name)) report.cut('html-outside-article', file, lineOf(el, source), squash(textOf(el)));
    }
  }
  return { root, title: pageTitle };
}

function junkRule(el: Element): string | undefined {
  if (INVISIBLE.has(el.name)) return 'html-script';
  if (JUNK_TAGS.has(el.name)) return `html-${el.name === 'aside' ? 'aside' : el.name === 'nav' ? 'navigation' : 'form'}`;
  const words = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  const m = JUNK_WORDS.exec(words);
  if (m) return /cookie|consent|gdpr|banner/i.test(m[1]!) ? 'html-cookie-banner' : 'html-furniture';
  if (['navigation', 'banner', 'complementary', 'contentinfo', 'search'].includes(el.attribs.role ?? '')) return 'html-navigation';
  // Page header and footer; inside an article they belong to it (byline, title).
  // In an EPUB chapter (body with epub:type) a header holds the chapter title.
  if ((el.name === 'header' || el.name === 'footer') && !hasAncestor(el, (a) => a.name === 'article' || a.name === 'section' || (a.name === 'body' && tokens(a, 'epub:type').length > 0))) {
    return `html-${el.name}`;
  }
  return undefined;
}

function pickRoot(doc: Document): Element | Document {
  const all = [...elements(doc)];
  const largest = (els: Element[]) => els.sort((a, b) => textOf(b).length - textOf(a).length)[0];
  const semantic = largest(all.filter((e) => e.name === 'article')) ?? largest(all.filter((e) => e.name === 'main' || e.attribs.role === 'main'));
  if (semantic && textOf(semantic).trim().length > 0) return semantic;
  // Standard Ebooks and other EPUB chapters: the body is the text.
  const body = all.find((e) => e.name === 'body');
  if (body && tokens(body, 'epub:type').length > 0) return body;
  let best: Element | undefined;
  let bestScore = 0;
  for (const e of all) {
    const score = e.children.filter((c) => isTag(c) && c.name === 'p').reduce((n, p) => n + textOf(p).length, 0);
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best ?? body ?? doc;
}

/** Elements beside the ancestors of `root` (maximal subtrees outside it). */
function outside(root: Element): Element[] {
  const out: Element[] = [];
  let node: Element = root;
  while (node.parent && isTag(node.parent)) {
    const parent: Element = node.parent;
    for (const sib of parent.children) if (isTag(sib) && sib !== node) out.push(sib);
    for (const sib of [...parent.children]) if (sib !== node && !(isTag(sib) && sib.name === 'head')) remove(sib);
    node = parent;
  }
  return out;
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; p && isTag(p); p = p.parent) out.push(p);
  return out;
}

function hasAncestor(el: Element, test: (a: Element) => boolean): boolean {
  for (let p = el.parent; p; p = p.parent) if (isTag(p) && test(p)) return true;
  return false;
}

function remove(node: { parent: unknown } & object): void {
  const parent = (node as unknown as Element).parent as Element | null;
  if (!parent) return;
  parent.children = parent.children.filter((c) => c !== (node as unknown));
}

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
