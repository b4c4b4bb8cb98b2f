/**
 * Cache keys: a hash of everything a cached result depends on, always
 * including the tool version, so that an upgrade never serves a result an
 * older `edition` computed.
 */
import crypto from 'node:crypto';
import { packageVersion } from '../cli/version.js';

/**
 * Bumped whenever what is stored under a key changes shape (the codec, a
 * model field) without a new package version: old entries then miss.
 */
export const CACHE_FORMAT = 1;

let version: string | undefined;

/** The package version and the cache format, as one string. */
export function toolVersion(): string {
  return (version ??= `${packageVersion()}+cache${CACHE_FORMAT}`);
}

/** A hex key over the tool version and every part (strings and bytes, length-prefixed so parts never run together). */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of [toolVersion(), ...parts]) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${typeof part === 'string' ? 's' : 'b'}${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
