/**
 * A recipe: the editor's decisions about one raw text that no general rule
 * can make, as YAML data (see sources/recipes/). Everything it names must be
 * found in the raw file, or the import stops: a stale recipe fails loudly
 * instead of losing or keeping text silently.
 */
import fs from 'node:fs';
import * as z from 'zod';
import { FRONT_MATTER_ORDER } from '../cleaning/frontmatter.js';
import { fail } from '../model/messages.js';
import { parseYaml } from '../parse/yaml-positions.js';
import { TYPOGRAPHY_RULE_NAMES } from './typography.js';

/** Rules a recipe can turn off, besides the typography rules. */
export const STRUCTURE_RULES = ['web-furniture', 'join-lines', 'dehyphenate', 'verse', 'headings', 'source-line', 'title-line', 'emphasis'] as const;
export const RULE_NAMES: readonly string[] = [...STRUCTURE_RULES, ...TYPOGRAPHY_RULE_NAMES];

const text = z.string().min(1);
const list = z.union([text, z.array(text)]);
const why = { why: z.string().optional() };

export const recipeSchema = z
  .strictObject({
    /** Raw file name(s), looked up next to the recipe or in --raw-dir, when no FILE is given. */
    raw: list.optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_", "-"').optional(),
    title: text.optional(),
    subtitle: text.optional(),
    author: list.optional(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD (quoted)').optional(),
    lang: text.optional(),
    source: text.optional(),
    translator: list.optional(),
    tags: list.optional(),
    rights: text.optional(),
    'unanchored-notes': list.optional(),
    /** Comments written above a front-matter field (why the editor chose it). */
    comments: z.partialRecord(z.enum(FRONT_MATTER_ORDER), z.string()).optional(),
    'cut-after': text.optional(),
    'cut-lines': z.array(text).optional(),
    'cut-patterns': z.array(text).optional(),
    'notes-heading': text.optional(),
    'note-labels': z.record(z.string(), z.string()).optional(),
    joins: z.array(z.strictObject({ after: text, ...why })).optional(),
    splits: z.array(z.strictObject({ after: text, ...why })).optional(),
    verse: z.array(z.strictObject({ first: text, last: text, ...why })).optional(),
    'starts-mid-sentence': z.boolean().optional(),
    rules: z.partialRecord(z.enum(RULE_NAMES as [string, ...string[]]), z.boolean()).optional(),
  });

export type Recipe = z.infer<typeof recipeSchema>;

export interface LoadedRecipe {
  recipe: Recipe;
  file: string;
  /** Line of a top-level key, for messages about it. */
  lineOf(key: string): number;
}

export function loadRecipe(file: string): LoadedRecipe {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    fail('recipe-missing', 'cannot read the recipe file', { file });
  }
  const yaml = parseYaml(source, file);
  const parsed = recipeSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keyPath = issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const at = yaml.positionOf(keyPath);
    const what = issue.code === 'unrecognized_keys' ? `unknown field \`${issue.keys[0]}\`` : `\`${keyPath.join('.')}\`: ${issue.message}`;
    fail('recipe-field', what, { file, ...at });
  }
  for (const p of parsed.data['cut-patterns'] ?? []) {
    try {
      new RegExp(p, 'u');
    } catch (e) {
      fail('recipe-field', `\`cut-patterns\`: not a regular expression: ${(e as Error).message}`, { file, ...yaml.positionOf(['cut-patterns']) });
    }
  }
  return { recipe: parsed.data, file, lineOf: (key) => yaml.positionOf([key]).line };
}
