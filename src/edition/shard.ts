/**
 * Sharding: `edition build --shard I/N` builds the editions whose manifest
 * file name hashes to I, so N machines (a CI matrix, the tasks of a batch
 * job) split a library's editions without talking to each other. The hash
 * is of the file name alone: adding or removing a manifest never moves
 * another, and every checkout agrees wherever it lies.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { UsageError } from '../select/adhoc.js';
import type { EditionRequest } from './build.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `I/N` (1 ≤ I ≤ N); anything else is a usage error. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) throw new UsageError(`--shard takes I/N, e.g. 1/4 (got \`${value}\`)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError(`--shard ${value}: N must be at least 1`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${value}: I must be between 1 and ${count}`);
  return { index, count };
}

/** The shard (1-based) a manifest belongs to among `count`. */
export function shardOf(manifestFile: string, count: number): number {
  const digest = crypto.createHash('sha256').update(path.basename(manifestFile), 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The requests of one shard. An ad-hoc selection (no manifest file) is built by shard 1 only. */
export function inShard(requests: EditionRequest[], shard: Shard): EditionRequest[] {
  return requests.filter((r) => (r.manifestFile ? shardOf(r.manifestFile, shard.count) : 1) === shard.index);
}
