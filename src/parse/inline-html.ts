/**
 * Raw HTML found in real texts. It never passes into an output: comments are
 * dropped, a few harmless inline tags map onto model nodes, active content is
 * refused, and anything else stays visible as text (with a warning) so no
 * word is lost.
 */

export type HtmlToken =
  | { kind: 'comment' }
  | { kind: 'open'; tag: StyleTag; lang?: string; dropped: string[] }
  | { kind: 'close'; tag: StyleTag }
  | { kind: 'break' }
  | { kind: 'forbidden'; tag: string }
  /** The closing tag of a forbidden element: its opening tag was reported already. */
  | { kind: 'forbiddenEnd' }
  | { kind: 'other' };

/** Tags that map onto inline model nodes. */
export type StyleTag = 'emphasis' | 'strong' | 'superscript' | 'subscript' | 'small' | 'lang';

const STYLE_TAGS: Record<string, StyleTag> = {
  em: 'emphasis', i: 'emphasis', strong: 'strong', b: 'strong', sup: 'superscript', sub: 'subscript', small: 'small', span: 'lang',
};

/** Elements that carry active content or pull in resources: never acceptable in a text. */
const FORBIDDEN = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg', 'math', 'frame', 'frameset', 'applet']);

/** A well-formed BCP 47 tag as far as texts need one: language, optional script, region and variants. */
const LANG_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;

const TAG = /^<(\/)?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/)?>$/;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Classifies one raw HTML snippet as the Markdown parser delivers it (a tag or a comment). */
export function classifyHtml(raw: string): HtmlToken {
  const value = raw.trim();
  if (/^<!--[\s\S]*-->$/.test(value)) return { kind: 'comment' };
  const m = TAG.exec(value);
  if (!m) {
    const m2 = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(value);
    const name = m2?.[2]?.toLowerCase();
    if (name && FORBIDDEN.has(name)) return m2![1] ? { kind: 'forbiddenEnd' } : { kind: 'forbidden', tag: name };
    return { kind: 'other' };
  }
  const [, closing, rawName, attrText = ''] = m;
  const name = rawName!.toLowerCase();
  if (FORBIDDEN.has(name)) return closing ? { kind: 'forbiddenEnd' } : { kind: 'forbidden', tag: name };
  if (name === 'br') return { kind: 'break' };
  const tag = STYLE_TAGS[name];
  if (!tag) return { kind: 'other' };
  if (closing) return { kind: 'close', tag };
  let lang: string | undefined;
  const dropped: string[] = [];
  for (const a of attrText.matchAll(ATTR)) {
    const attr = a[1]!.toLowerCase();
    const val = a[2] ?? a[3] ?? a[4] ?? '';
    if (tag === 'lang' && (attr === 'lang' || attr === 'xml:lang')) lang = val;
    else dropped.push(attr);
  }
  // A span without a language changes nothing; treat it like any other unknown markup.
  if (tag === 'lang' && lang === undefined) return { kind: 'other' };
  // An invalid tag would make the EPUB invalid (epubcheck RSC-005, Ace valid-lang): keep the words, drop the span.
  if (tag === 'lang' && !LANG_TAG.test(lang!.trim())) return { kind: 'open', tag, dropped: [...dropped, `lang="${lang}" (not a language tag such as de, en or de-CH)`] };
  if (lang) lang = lang.trim();
  return { kind: 'open', tag, ...(lang ? { lang } : {}), dropped };
}

/** Whether a block of raw HTML contains a forbidden element anywhere. */
export function forbiddenTagIn(raw: string): string | undefined {
  for (const m of raw.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    const name = m[1]!.toLowerCase();
    if (FORBIDDEN.has(name)) return name;
  }
  return undefined;
}

/** Whether a block of raw HTML is nothing but comments. */
export function onlyComments(raw: string): boolean {
  return raw.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}
