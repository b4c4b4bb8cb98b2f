/**
 * YAML front matter, written by hand rather than by a YAML library so that
 * field order, quoting and the editor's comments are fixed and reproducible.
 * Every scalar is double-quoted: an unquoted 1917 or 1917-11 would be read
 * back as a number or a date.
 */

export const FRONT_MATTER_ORDER = ['id', 'title', 'subtitle', 'author', 'date', 'lang', 'source', 'translator', 'tags', 'rights', 'unanchored-notes'] as const;

export type FrontMatterKey = (typeof FRONT_MATTER_ORDER)[number];
export type FrontMatter = Partial<Record<FrontMatterKey, string | readonly string[]>>;
/** A comment is written above its field, or where the field would stand when it is omitted. */
export type FrontMatterComments = Partial<Record<FrontMatterKey, string>>;

// A JSON string is a valid YAML double-quoted scalar (same escapes, raw UTF-8 allowed).
const quote = (s: string): string => JSON.stringify(s);

export function renderFrontMatter(fields: FrontMatter, comments: FrontMatterComments = {}): string {
  const lines = ['---'];
  for (const key of FRONT_MATTER_ORDER) {
    const comment = comments[key];
    if (comment !== undefined) lines.push(...comment.split('\n').map((c) => `# ${c}`.trimEnd()));
    const value = fields[key];
    if (value === undefined) continue;
    lines.push(`${key}: ${typeof value === 'string' ? quote(value) : `[${value.map(quote).join(', ')}]`}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
