/**
 * Messages for a YAML field of the wrong type, in front matter and manifests
 * alike: say what was expected and show the fix, as the user would type it
 * (issue 8, item 7). Numbers are already text (see parseYaml's
 * `numbersAsText`), so what is left here is true/false, empty values, lists
 * and mappings where text belongs.
 */

/** How a YAML value looks to the user: "a list", "a mapping", "empty", "`true`". */
export function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null || v === undefined) return 'empty';
  if (v instanceof Date) return `the date ${v.toISOString().slice(0, 10)}`;
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? `the text \`${v}\`` : `\`${String(v)}\``;
}

const isScalar = (v: unknown) => typeof v === 'boolean' || typeof v === 'number';

/**
 * The sentence for `name: value` where text (or, with `listAllowed`, a list of
 * texts) was expected; undefined when the value is not a type problem.
 */
export function textFieldProblem(name: string, value: unknown, listAllowed: boolean): string | undefined {
  // `query.author` is written `author:` in the file: the fix shows the key as typed.
  const key = name.split('.').filter((k) => !/^\d+$/.test(k)).pop() ?? name;
  const expected = listAllowed ? 'text or a list of texts' : 'text';
  if (isScalar(value)) return `\`${name}\` must be ${expected}; quote it: ${key}: "${String(value)}"`;
  if (value === null) return `\`${name}\` is empty; write ${listAllowed ? 'a text or a list' : 'a text'} or leave the field out`;
  if (Array.isArray(value)) {
    if (!listAllowed) return `\`${name}\` must be ${expected}, not a list; write one value: ${key}: "…"`;
    const bad = value.findIndex((item) => typeof item !== 'string');
    if (bad < 0) return undefined;
    const item = value[bad];
    if (isScalar(item)) {
      const fixed = value.map((x) => (typeof x === 'string' ? x : `"${String(x)}"`)).join(', ');
      return `\`${name}\` item ${bad + 1} must be text; quote it: ${key}: [${fixed}]`;
    }
    return `\`${name}\` item ${bad + 1} must be text, not ${kindOf(item)}`;
  }
  if (typeof value === 'object') return `\`${name}\` must be ${expected}, not ${kindOf(value)}`;
  return undefined;
}
