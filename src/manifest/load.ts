/** Reads and validates a manifest file, with positions for every message. */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, type Message } from '../model/messages.js';
import { parseYaml, type YamlFile } from '../parse/yaml-positions.js';
import { decodeSource } from '../parse/decode.js';
import { didYouMean } from '../util/suggest.js';
import { manifestSchema, partSchema, querySchema, MANIFEST_FIELDS, type Manifest } from './schema.js';
import type { z } from 'zod';

export interface LoadedManifest {
  file: string;
  manifest: Manifest;
  /** Position of a value in the manifest file, for selection errors. */
  positionOf: YamlFile['positionOf'];
}

/** Validates an already parsed manifest object; `file` and `positionOf` place the messages. */
export function validateManifest(data: unknown, file: string, positionOf: YamlFile['positionOf']): Manifest {
  const parsed = manifestSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const messages: Message[] = parsed.error.issues.map((issue) => {
    const p = issue.path as (string | number)[];
    const shape = keysAt(p);
    const reason =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => `unknown field \`${k}\`${didYouMean(k, shape)}`).join('; ')
        : valueAt(data, p) === undefined
          ? `required field \`${p.join('.')}\` is missing`
          : `\`${p.join('.')}\` ${issue.message.replace(/^Invalid (input|option): /, '')}`;
    const at = issue.code === 'unrecognized_keys' ? positionOf([...p, issue.keys[0]!]) : positionOf(p);
    return { severity: 'error', rule: 'manifest-field', reason, file, ...at };
  });
  throw new InputError(messages);
}

/** Known keys of the object at `path`, for "did you mean" hints. */
function keysAt(p: (string | number)[]): string[] {
  const last = p.filter((x) => typeof x === 'string').pop();
  const schema: z.ZodObject = last === 'query' ? querySchema : p[0] === 'parts' ? partSchema : manifestSchema;
  return last === 'query' || p[0] === 'parts' ? Object.keys(schema.shape) : MANIFEST_FIELDS;
}

function valueAt(data: unknown, p: (string | number)[]): unknown {
  let v = data as Record<string | number, unknown> | undefined;
  for (const k of p) v = v && typeof v === 'object' ? (v[k] as Record<string | number, unknown>) : undefined;
  return v;
}

export function loadManifest(file: string): LoadedManifest {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new InputError([{ severity: 'error', rule: 'manifest-missing', reason: 'manifest not found', file }]);
  }
  const yaml = parseYaml(decodeSource(bytes, file), file);
  if (yaml.data !== null && (typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
    throw new InputError([{ severity: 'error', rule: 'manifest-field', reason: 'a manifest is a mapping of fields (`title: …`)', file, line: 1, column: 1 }]);
  }
  return { file: path.resolve(file), manifest: validateManifest(yaml.data, file, yaml.positionOf), positionOf: yaml.positionOf };
}
