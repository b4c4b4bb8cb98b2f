/**
 * The parse cache: a source's parsed and checked text (after the text steps)
 * under a key of its bytes, its path and the tool version, together with
 * every message the parse reported, so a hit reports exactly what a cold
 * parse would, and the file-system facts it relied on (src/cache/probes.ts).
 */
import path from 'node:path';
import type { Message } from '../model/messages.js';
import type { ParsedSource } from '../parse/source.js';
import { checkImage } from '../parse/image.js';
import { realpath } from '../parse/link-target.js';
import type { ContentCache } from './types.js';
import { cacheKey } from './key.js';
import { decode, encode } from './codec.js';
import type { Probe } from './probes.js';

export const PARSE_NAMESPACE = 'parse';

export interface ParseEntry {
  /** Undefined when the parse threw: `thrown` holds its fatal messages. */
  parsed?: ParsedSource;
  thrown?: Message[];
  /** Every message the parse and the text steps reported, in order. */
  messages: Message[];
  probes: Probe[];
}

/**
 * The key of a source: its bytes and where it lies. A path inside the root
 * counts relative to it (the entry stores such paths relative too), so a
 * cache moved with its library still hits.
 */
export function parseKey(file: string, bytes: Uint8Array, projectRoot: string): string {
  const rel = path.relative(projectRoot, file);
  const where = path.isAbsolute(file) && !rel.startsWith('..') ? `root:${rel.split(path.sep).join('/')}` : `as-given:${file}`;
  return cacheKey(PARSE_NAMESPACE, where, bytes);
}

/** The cached entry, if there is one, it decodes and every fact it relied on still holds. */
export function readParseEntry(cache: ContentCache, key: string, projectRoot: string): ParseEntry | undefined {
  const bytes = cache.get(PARSE_NAMESPACE, key);
  if (!bytes) return undefined;
  let entry: ParseEntry;
  try {
    entry = decode<ParseEntry>(bytes, projectRoot);
  } catch {
    return undefined; // written by something else under the same name: recompute and overwrite
  }
  if (!Array.isArray(entry?.messages) || !Array.isArray(entry.probes) || (!entry.parsed && !entry.thrown)) return undefined;
  return entry.probes.every(stillHolds) ? entry : undefined;
}

export function writeParseEntry(cache: ContentCache, key: string, entry: ParseEntry, projectRoot: string): void {
  cache.set(PARSE_NAMESPACE, key, encode(entry, projectRoot));
}

function stillHolds(probe: Probe): boolean {
  if (probe.kind === 'realpath') return (realpath(probe.file) ?? null) === probe.answer;
  return JSON.stringify(checkImage(probe.file)) === probe.answer;
}
