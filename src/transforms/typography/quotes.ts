/**
 * Quotation marks per language (primary subtag). German uses „…“ and ‚…‘;
 * English “…” and ‘…’; French guillemets with narrow no-break spaces inside.
 */
export interface QuoteStyle {
  open: string;
  close: string;
  openSingle: string;
  closeSingle: string;
  /** Space placed inside guillemets (French), or ''. */
  inner: string;
}

export const NARROW_NBSP = '\u202f';
export const NBSP = '\u00a0';

const STYLES: Record<string, QuoteStyle> = {
  de: { open: '„', close: '“', openSingle: '‚', closeSingle: '‘', inner: '' },
  en: { open: '“', close: '”', openSingle: '‘', closeSingle: '’', inner: '' },
  fr: { open: '«', close: '»', openSingle: '‹', closeSingle: '›', inner: NARROW_NBSP },
  es: { open: '«', close: '»', openSingle: '“', closeSingle: '”', inner: '' },
  it: { open: '«', close: '»', openSingle: '“', closeSingle: '”', inner: '' },
  ru: { open: '«', close: '»', openSingle: '„', closeSingle: '“', inner: '' },
};

/** Quote style for a BCP 47 tag; Swiss German uses guillemets like French, without the spaces. */
export function quoteStyle(lang: string): QuoteStyle {
  const tag = lang.toLowerCase();
  if (tag === 'de-ch') return { open: '«', close: '»', openSingle: '‹', closeSingle: '›', inner: '' };
  return STYLES[tag.split('-')[0]!] ?? STYLES.en!;
}

/** Characters after which a quote opens (start, space, opening bracket or dash). */
const OPENING_CONTEXT = /[\s([{\u2013\u2014/„‚“«‹-]/u;

/**
 * Replaces straight quotes with typographic ones. `before` is the character
 * preceding `s` in the paragraph (context across inline nodes), '' at the start.
 * A single quote after a letter closes only if a single quote is open;
 * otherwise it is an apostrophe (Zinov’ev, Marx’ Werke).
 */
export function curlQuotes(s: string, before: string, style: QuoteStyle): string {
  let out = '';
  let singleOpen = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = i > 0 ? s[i - 1]! : before;
    const next = s[i + 1] ?? '';
    const opens = (prev === '' || OPENING_CONTEXT.test(prev)) && next !== '' && !/\s/.test(next);
    if (c === '"') {
      out += opens ? style.open + style.inner : style.inner + style.close;
    } else if (c === "'") {
      if (/\p{L}/u.test(prev) && /\p{L}/u.test(next)) out += '’';
      else if (opens) {
        out += style.openSingle;
        singleOpen = true;
      } else if (singleOpen) {
        out += style.closeSingle;
        singleOpen = false;
      } else out += '’';
    } else out += c;
  }
  return out;
}
