import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes, hasGnuTime, median, parseMaxRss, parsePdfinfoPages, summarize, timeCommand } from './measure.js';

describe('parseMaxRss (GNU time -f %M -o file)', () => {
  it('reads the kilobytes of a run that succeeded', () => {
    expect(parseMaxRss('40228\n')).toBe(40228);
  });
  it('reads the number after the line GNU time adds for a failed command', () => {
    expect(parseMaxRss('Command exited with non-zero status 1\n51234\n')).toBe(51234);
  });
  it('gives undefined for an empty or foreign file', () => {
    expect(parseMaxRss('')).toBeUndefined();
    expect(parseMaxRss('Command terminated by signal 9\n')).toBeUndefined();
  });
});

describe('median and summarize', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
  it('keeps min, median and the highest peak; no peak when none was measured', () => {
    expect(summarize([{ seconds: 2, maxRssKb: 100 }, { seconds: 1, maxRssKb: 300 }, { seconds: 5, maxRssKb: 200 }])).toEqual({ runs: 3, min: 1, median: 2, maxRssKb: 300 });
    expect(summarize([{ seconds: 1 }, { seconds: 3 }])).toEqual({ runs: 2, min: 1, median: 2 });
  });
});

describe('parsePdfinfoPages', () => {
  it('finds the Pages line', () => {
    expect(parsePdfinfoPages('Producer:        PDFKit\nPages:           429\nEncrypted:       no\n')).toBe(429);
    expect(parsePdfinfoPages('Producer: x\n')).toBeUndefined();
  });
});

describe('timeCommand (a real spawned process)', () => {
  const gnu = hasGnuTime();
  it('times a command and, with GNU time, reads its peak RSS', () => {
    const r = timeCommand([process.execPath, '-e', 'Buffer.alloc(64 * 1024 * 1024, 1)'], os.tmpdir(), gnu);
    expect('seconds' in r && r.seconds > 0).toBe(true);
    // 64 MB touched: the peak is above that (kilobytes), and below anything absurd.
    if (gnu && 'seconds' in r) expect(r.maxRssKb).toBeGreaterThan(64 * 1024);
  });
  it('says why a command failed: exit code and the end of its stderr', () => {
    const r = timeCommand([process.execPath, '-e', 'console.error("first"); console.error("broken input"); process.exit(3)'], os.tmpdir(), gnu);
    expect(r).toEqual({ code: 3, message: 'first | broken input' });
  });
  it('reports a command that does not exist', () => {
    const r = timeCommand(['/nonexistent/edition'], os.tmpdir(), false);
    expect('seconds' in r).toBe(false);
  });
});

describe('folderBytes', () => {
  it('adds up files in nested folders; 0 for a missing folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'x'), 'abc');
    fs.writeFileSync(path.join(dir, 'a', 'y'), 'defgh');
    expect(folderBytes(dir)).toBe(8);
    expect(folderBytes(path.join(dir, 'missing'))).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});
