/**
 * Web addresses and e-mail addresses inside running text. They are copied
 * and typed by readers, so typography must not change a character of them:
 * `https://example.org/a--b` with an en dash is a different, dead address.
 */

/**
 * A URL as GFM's autolink literal sees it: a scheme or `www.`, then anything
 * up to a space or a character that cannot end an address in prose.
 */
const URL = /(?:\b(?:https?|ftp):\/\/|\bmailto:|\bwww\.)[^\s<>"«»“”„]*[^\s<>"«»“”„.,;:!?)\]'’…]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

const MAYBE_ADDRESS = /@|:\/\/|mailto:|www\./i;

export interface Segment {
  text: string;
  /** True for an address that must be printed as written. */
  verbatim: boolean;
}

/** Splits `s` into ordinary text and addresses, in order; joined they give `s` back. */
export function splitAddresses(s: string): Segment[] {
  // Every address has `@`, `://`, `mailto:` or `www.`: text without them is the common case.
  if (!/[/@.]/.test(s) || !MAYBE_ADDRESS.test(s)) return [{ text: s, verbatim: false }];
  const out: Segment[] = [];
  let at = 0;
  for (const m of s.matchAll(URL)) {
    if (m.index > at) out.push({ text: s.slice(at, m.index), verbatim: false });
    out.push({ text: m[0], verbatim: true });
    at = m.index + m[0].length;
  }
  if (at < s.length || out.length === 0) out.push({ text: s.slice(at), verbatim: false });
  return out;
}
