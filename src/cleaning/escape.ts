/**
 * Markdown escapes for plain text, kept to what would actually misparse, so
 * the sources stay readable as text.
 */

/**
 * Characters that would become inline syntax. `*` and `_` are left alone
 * when the seed already uses them as emphasis (the Lenin fragment).
 */
export function escapeInline(s: string, keepEmphasis = false): string {
  let out = s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/<(?=[A-Za-z/!?])/g, '\\<');
  if (!keepEmphasis) out = out.replace(/[*_]/g, (c) => `\\${c}`);
  return escapeBrackets(out);
}

/**
 * Editorial brackets ([weiße], […], [?‘]) are literal text in CommonMark
 * unless they look like a link, a reference or a footnote: only then is the
 * opening bracket escaped ("[x]:" only at the start, where it would be a
 * link definition). Must run before note marks become `[^n]`.
 */
export function escapeBrackets(s: string): string {
  return s.replace(/\[(?=\^|[^\]]*\][([])|^\[(?=[^\]]*\]:)/g, '\\[');
}

/**
 * The start of a paragraph or verse line that CommonMark would read as a
 * block: "5. März" is an ordered list, "1) " too, "- " a bullet, "#" a
 * heading, ">" a quote, a row of "-", "=" or "*" a rule or underline.
 */
export function escapeBlockStart(line: string): string {
  if (/^(?:[-*_=][ \t]*){3,}$/.test(line)) return `\\${line}`;
  return line
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^([-+*]|#{1,6})(?=[ \t]|$)/, '\\$1')
    .replace(/^>/, '\\>');
}
