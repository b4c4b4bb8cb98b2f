/**
 * Raw HTML found in real texts. It never passes into an output: comments are
 * dropped, inline tags with a meaning map onto model nodes (`<a href>` onto
 * the same link policy as Markdown links), active content is refused, other
 * HTML elements lose their tags but keep their words (with a warning), and
 * anything that is not an HTML element at all (`<Lenin>`) stays visible as
 * text, so no word is lost.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export type HtmlToken =
  | { kind: 'comment' }
  | { kind: 'open'; tag: StyleTag; lang?: string; href?: string; title?: string; dropped: string[] }
  | { kind: 'close'; tag: StyleTag }
  | { kind: 'break' }
  /** An image: its description is kept as text. */
  | { kind: 'image'; alt: string }
  | { kind: 'forbidden'; tag: string }
  /** The closing tag of a forbidden element: its opening tag was reported already. */
  | { kind: 'forbiddenEnd' }
  /** An HTML element without a meaning in an edition: the tag goes, its content stays. */
  | { kind: 'unsupported'; tag: string; closing: boolean }
  | { kind: 'other' };

/** Tags that map onto inline model nodes; `link`, `abbreviation` and `quote` become their own nodes. */
export type StyleTag =
  | 'emphasis' | 'strong' | 'superscript' | 'subscript' | 'small' | 'lang'
  | 'link' | 'abbreviation' | 'cite' | 'quote' | 'underline' | 'strikethrough' | 'code';

export const STYLE_TAGS: Record<string, StyleTag> = {
  em: 'emphasis', i: 'emphasis', var: 'emphasis', dfn: 'emphasis',
  strong: 'strong', b: 'strong',
  sup: 'superscript', sub: 'subscript', small: 'small', span: 'lang',
  a: 'link', abbr: 'abbreviation', acronym: 'abbreviation', cite: 'cite', q: 'quote',
  u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough',
  code: 'code', kbd: 'code', samp: 'code', tt: 'code',
};

/** The attribute each mapped tag keeps; any other attribute is reported and dropped. */
const KEPT_ATTRIBUTE: Partial<Record<StyleTag, string>> = { lang: 'lang', link: 'href', abbreviation: 'title' };

/** Elements that carry active content or pull in resources: never acceptable in a text. */
const FORBIDDEN = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg', 'math', 'frame', 'frameset', 'applet']);

/**
 * The other elements of HTML (WHATWG list plus common obsolete ones). A tag
 * with one of these names is markup and loses its tags; any other name in
 * angle brackets is more likely the text's own (an editor's `<Lenin>`).
 */
export const HTML_ELEMENTS = new Set(
  ('address article aside bdi bdo big blink blockquote body caption center col colgroup data datalist dd details dialog div dl dt ' +
    'fieldset figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hgroup hr html label legend li main map mark marquee menu meter nav ' +
    'nobr noscript ol optgroup option output p picture pre progress rb rp rt rtc ruby search section select slot summary table tbody td template ' +
    'textarea tfoot th thead time title tr track ul wbr area audio canvas source video img image').split(' '),
);

/** A well-formed BCP 47 tag as far as texts need one: language, optional script, region and variants. */
const LANG_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;

const TAG = /^<(\/)?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/)?>$/;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Decodes character references in an attribute value (`&amp;`, `&#8211;`, `&eacute;`). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] !== '#') {
      const named = decodeNamedCharacterReference(ref);
      return named === false ? whole : named;
    }
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  });
}

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
  const attrs = new Map<string, string>();
  for (const a of attrText.matchAll(ATTR)) attrs.set(a[1]!.toLowerCase(), decodeAttribute(a[2] ?? a[3] ?? a[4] ?? ''));
  if ((name === 'img' || name === 'image') && !closing) return { kind: 'image', alt: attrs.get('alt') ?? '' };
  const tag = STYLE_TAGS[name];
  if (!tag) return HTML_ELEMENTS.has(name) ? { kind: 'unsupported', tag: name, closing: Boolean(closing) } : { kind: 'other' };
  if (closing) return { kind: 'close', tag };
  const kept = KEPT_ATTRIBUTE[tag];
  const dropped: string[] = [];
  for (const attr of attrs.keys()) if (attr !== kept && !(tag === 'lang' && attr === 'xml:lang')) dropped.push(attr);
  if (tag === 'lang') return langSpan(attrs.get('lang') ?? attrs.get('xml:lang'), dropped);
  const keptValue = kept ? attrs.get(kept)?.trim() : undefined;
  if (tag === 'link') return { kind: 'open', tag, ...(keptValue ? { href: keptValue } : {}), dropped };
  if (tag === 'abbreviation') return { kind: 'open', tag, ...(keptValue ? { title: keptValue } : {}), dropped };
  return { kind: 'open', tag, dropped };
}

function langSpan(lang: string | undefined, dropped: string[]): HtmlToken {
  // A span without a language changes nothing: its tags go, its words stay.
  if (lang === undefined) return { kind: 'unsupported', tag: 'span', closing: false };
  // An invalid tag would make the EPUB invalid (epubcheck RSC-005, Ace valid-lang): keep the words, drop the span.
  if (!LANG_TAG.test(lang.trim())) return { kind: 'open', tag: 'lang', dropped: [...dropped, `lang="${lang}" (not a language tag such as de, en or de-CH)`] };
  return { kind: 'open', tag: 'lang', lang: lang.trim(), dropped };
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
