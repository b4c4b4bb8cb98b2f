/**
 * The content cache on disk: `<project root>/.edition-cache/<namespace>/<key>`.
 *
 * - Every entry is written to a temporary name and renamed into place, so
 *   concurrent builds and worker threads see a whole entry or none.
 * - Every entry carries its length and a SHA-256 of its value: a truncated
 *   or damaged file is a miss (and is removed), never a crash or a wrong book.
 * - A hit touches the entry's modification time: it is the "last used" date
 *   that pruning goes by.
 * - A cache that cannot be written (read-only checkout, full disk) turns
 *   itself off with one warning; the build goes on without it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { ContentCache } from './types.js';

/** The folder name, in the project root (git-ignored). */
export const CACHE_DIR = '.edition-cache';

const MAGIC = Buffer.from('EDC1');
const HEADER = MAGIC.length + 4 + 32;
const DAY = 24 * 60 * 60 * 1000;

export interface PruneLimits {
  /** Entries not used for this long are removed (default 30 days). */
  maxAgeMs: number;
  /** Above this total, the least recently used entries go first (default 1 GiB). */
  maxBytes: number;
}

export const DEFAULT_LIMITS: PruneLimits = { maxAgeMs: 30 * DAY, maxBytes: 1024 * 1024 * 1024 };

export interface FileCacheOptions {
  /** Told once when the cache cannot be written; the cache is off from then on. */
  onWarning?: (message: string) => void;
}

let counter = 0;

export class FileCache implements ContentCache {
  readonly dir: string;
  /** The project root the cache lives in. */
  readonly root: string;
  private disabled = false;
  private readonly onWarning: ((message: string) => void) | undefined;

  /** A cache in `<root>/.edition-cache`. Nothing is created until the first `set`. */
  constructor(root: string, options: FileCacheOptions = {}) {
    this.root = path.resolve(root);
    this.dir = path.join(this.root, CACHE_DIR);
    this.onWarning = options.onWarning;
  }

  get(namespace: string, key: string): Buffer | undefined {
    if (this.disabled) return undefined;
    const file = this.fileOf(namespace, key);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return undefined;
    }
    const value = unwrap(data);
    if (!value) {
      // Damaged (a disk that filled up mid-write, a hand edit): drop it, the caller recomputes and stores it anew.
      fs.rmSync(file, { force: true });
      return undefined;
    }
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      // A read-only cache still serves hits; it just cannot record them.
    }
    return value;
  }

  set(namespace: string, key: string, value: Buffer): void {
    if (this.disabled) return;
    const file = this.fileOf(namespace, key);
    const tmp = `${file}.tmp-${process.pid}-${threadId}-${counter++}`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(tmp, wrap(value));
      fs.renameSync(tmp, file);
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // The folder itself is the problem; there is no temporary to remove.
      }
      this.disabled = true;
      const code = (e as NodeJS.ErrnoException).code;
      this.onWarning?.(`cannot write the content cache ${this.dir}${code ? ` (${code})` : ''}; building without it`);
    }
  }

  /**
   * Removes entries unused for `maxAgeMs`, then the least recently used ones
   * until the rest fit in `maxBytes`, and temporaries of killed writers.
   * Returns how many files were removed.
   */
  prune(limits: PruneLimits = DEFAULT_LIMITS, now = Date.now()): number {
    const entries: { file: string; used: number; bytes: number }[] = [];
    let removed = 0;
    for (const ns of list(this.dir)) {
      const nsDir = path.join(this.dir, ns);
      for (const name of list(nsDir)) {
        const file = path.join(nsDir, name);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(file);
        } catch {
          continue;
        }
        if (!stat.isFile()) continue;
        const stale = name.includes('.tmp-') ? now - stat.mtimeMs > DAY : now - stat.mtimeMs > limits.maxAgeMs;
        if (stale) removed += remove(file);
        else if (!name.includes('.tmp-')) entries.push({ file, used: stat.mtimeMs, bytes: stat.size });
      }
    }
    let total = entries.reduce((n, e) => n + e.bytes, 0);
    entries.sort((a, b) => a.used - b.used || (a.file < b.file ? -1 : 1));
    for (const e of entries) {
      if (total <= limits.maxBytes) break;
      removed += remove(e.file);
      total -= e.bytes;
    }
    return removed;
  }

  private fileOf(namespace: string, key: string): string {
    if (!/^[a-z0-9-]+$/.test(namespace) || !/^[a-zA-Z0-9_-]+$/.test(key)) throw new Error(`bad cache namespace or key: ${namespace}/${key}`);
    return path.join(this.dir, namespace, key);
  }
}

/** MAGIC, length (uint32 BE), SHA-256 of the value, the value. */
function wrap(value: Buffer): Buffer {
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head, 0);
  head.writeUInt32BE(value.length, MAGIC.length);
  crypto.createHash('sha256').update(value).digest().copy(head, MAGIC.length + 4);
  return Buffer.concat([head, value]);
}

function unwrap(data: Buffer): Buffer | undefined {
  if (data.length < HEADER || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const value = data.subarray(HEADER);
  if (value.length !== data.readUInt32BE(MAGIC.length)) return undefined;
  const sum = crypto.createHash('sha256').update(value).digest();
  return sum.equals(data.subarray(MAGIC.length + 4, HEADER)) ? value : undefined;
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function remove(file: string): number {
  try {
    fs.rmSync(file);
    return 1;
  } catch {
    return 0;
  }
}
