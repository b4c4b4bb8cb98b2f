/**
 * Output safety: a file is written to a temporary name in its own folder and
 * renamed into place, so a killed build never leaves a half-written edition
 * and the previous one stays intact. Temporaries left by a killed build are
 * swept on the next run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/messages.js';

const TMP_MARK = '.edition-tmp-';

/** File-system failures a user can fix (a file where the output folder should be, no space, no permission). */
const USER_FIXABLE: Record<string, string> = {
  EEXIST: 'a file stands where the output folder should be',
  ENOTDIR: 'a file stands where the output folder should be',
  EISDIR: 'a folder stands where the output file should be',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the path is too long',
  ENOENT: 'the folder cannot be created here',
};

/** Turns a user-fixable file-system error into an InputError naming the output file; rethrows anything else. */
function outputError(e: unknown, file: string, what = 'cannot write the output file'): never {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? USER_FIXABLE[code] : undefined;
  if (!reason) throw e;
  throw new InputError([{ severity: 'error', rule: 'output-write', reason: `${what}: ${reason} (${code})`, file }]);
}

/**
 * Creates `dir` and its missing parents one level at a time. Node's
 * `mkdirSync(…, { recursive: true })` spins forever at 100 % CPU where a
 * parent answers ENOENT to mkdir and EEXIST to nothing (/proc; issue 8,
 * item 6); here every step either succeeds or fails once.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      // Another build may have made it meanwhile; anything else is final.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(d).isDirectory()) throw e;
    }
  }
}

/**
 * Writes `data` to `file` atomically: into a temporary in the same folder
 * (same file system, so the rename is atomic), flushed to disk, then renamed
 * over `file`. Readers see the old file or the new one, never a partial one.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const dir = path.dirname(file);
  try {
    makeFolder(dir);
  } catch (e) {
    outputError(e, dir, 'cannot create the output folder');
  }
  const tmp = path.join(dir, `${TMP_MARK}${path.basename(file)}.${process.pid}.${Date.now()}`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      // writeSync may write less than asked; a short write must not be renamed into place.
      for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    outputError(e, file);
  }
}

/** Removes temporaries of builds that were killed (their process is gone); this process's are being written. */
export function sweepTemporaries(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(TMP_MARK)) continue;
    const pid = Number(/\.(\d+)\.\d+$/.exec(name)?.[1]);
    // This process's own temporaries are in flight in another worker thread (`--jobs`): never ours to sweep.
    if (pid && (pid === process.pid || isAlive(pid))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
