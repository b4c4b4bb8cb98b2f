/**
 * Output safety: a file is written to a temporary name in its own folder and
 * renamed into place, so a killed build never leaves a half-written edition
 * and the previous one stays intact. Temporaries left by a killed build are
 * swept on the next run.
 */
import fs from 'node:fs';
import path from 'node:path';

const TMP_MARK = '.edition-tmp-';

export function writeFileAtomic(file: string, data: Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `${TMP_MARK}${path.basename(file)}.${process.pid}.${Date.now()}`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes temporaries of builds that were killed (their process is gone). */
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
    if (pid && pid !== process.pid && isAlive(pid)) continue;
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
