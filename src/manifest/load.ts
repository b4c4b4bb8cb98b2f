/** Reads and validates a manifest file, with positions for every message. */
import fs from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { InputError, type Message } from '../model/messages.js';
import { parseYaml, type YamlFile } from '../parse/yaml-positions.js';
import { decodeSource } from '../parse/decode.js';
import { didYouMean } from '../util/suggest.js';
import { kindOf, textFieldProblem } from '../parse/field-messages.js';
import { manifestSchema, MANIFEST_FIELDS, PART_FIELDS, QUERY_FIELDS, type Manifest } from './schema.js';
import type { Locate } from '../select/select.js';

type Path = (string | number)[];
export type PositionOf = YamlFile['positionOf'];

export interface LoadedManifest {
  file: string;
  manifest: Manifest;
  /** Position of a value in the manifest file, for selection errors. */
  positionOf: PositionOf;
  /** File and position of a manifest path, for messages. */
  locate: Locate;
}

/**
 * Validates an already parsed manifest object (from a file, the API or the
 * command line); `locate` places each message at the field it is about.
 */
export function validateManifest(data: unknown, locate: Locate): Manifest {
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new InputError([{ severity: 'error', rule: 'manifest-field', reason: 'a manifest is a mapping of fields (`title: …`)', ...locate([]) }]);
  }
  const parsed = manifestSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const messages: Message[] = parsed.error.issues.map((issue) => {
    // `query:` may be one mapping; the schema sees it as a list of one, so drop that index again.
    const p = sourcePath(data, issue.path as Path);
    const where = [...p, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : [])];
    return { severity: 'error', rule: 'manifest-field', reason: describeIssue(issue, p, data), ...locate(where) };
  });
  // In file order, as a user reads them top to bottom.
  throw new InputError(messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

/** One readable sentence per schema issue. */
function describeIssue(issue: z.core.$ZodIssue, p: Path, data: unknown): string {
  const name = `\`${p.join('.')}\``;
  const value = valueAt(data, p);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => `unknown field \`${k}\`${didYouMean(k, fieldsAt(p))}`).join('; ');
    case 'invalid_type':
      if (value === undefined) return `required field ${name} is missing`;
      if (issue.expected === 'string') return textFieldProblem(p.join('.'), value, false) ?? `${name} must be text, not ${kindOf(value)}`;
      return `${name} must be ${article(issue.expected)}, not ${kindOf(value)}`;
    case 'invalid_union':
      // The only unions are "one text or a list of texts" (editor, author, tags).
      return textFieldProblem(p.join('.'), value, true) ?? `${name} must be text or a list of texts, not ${kindOf(value)}`;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return `${name} must be one of ${allowed.join(', ')}, not \`${String(value)}\`${didYouMean(String(value), allowed)}`;
    }
    default:
      return `${name} ${issue.message.replace(/^Invalid (input|option): /, '')}`;
  }
}

function article(expected: string): string {
  return expected === 'string' ? 'text' : expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping' : `a ${expected}`;
}


/** A path into the validated manifest as it is in the user's file (`query:` may be one mapping, not a list). */
function sourcePath(data: unknown, p: Path): Path {
  const out: Path = [];
  for (let i = 0; i < p.length; i++) {
    const k = p[i]!;
    out.push(k);
    if (k === 'query' && typeof p[i + 1] === 'number' && !Array.isArray(valueAt(data, out))) i++;
  }
  return out;
}

/** Known keys of the mapping at `p`, for "did you mean" hints. */
function fieldsAt(p: Path): string[] {
  const named = p.filter((x): x is string => typeof x === 'string');
  if (named.at(-1) === 'query') return QUERY_FIELDS;
  if (named.at(-1) === 'parts') return PART_FIELDS;
  return MANIFEST_FIELDS;
}

function valueAt(data: unknown, p: Path): unknown {
  let v = data as Record<string | number, unknown> | undefined;
  for (const k of p) v = v && typeof v === 'object' ? (v[k] as Record<string | number, unknown>) : undefined;
  return v;
}

/** Places manifest paths in a parsed YAML file. */
export function locatorFor(file: string, yaml: YamlFile): Locate {
  return (p) => ({ file, ...yaml.positionOf(sourcePath(yaml.data, p)) });
}

/** Reads, parses and validates a manifest file; every problem is an InputError at its line. */
export function loadManifest(file: string): LoadedManifest {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new InputError([{ severity: 'error', rule: 'manifest-missing', reason: 'manifest not found', file }]);
  }
  const yaml = parseYaml(decodeSource(bytes, file), file, 0, { numbersAsText: true });
  const locate = locatorFor(file, yaml);
  return { file: path.resolve(file), manifest: validateManifest(yaml.data, locate), positionOf: yaml.positionOf, locate };
}
