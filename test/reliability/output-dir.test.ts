/**
 * Issue 8, item 6: an output folder that cannot be created (`--out` under
 * /proc, or below a file) used to spin forever at 100 % CPU in Node's
 * recursive mkdir. It must end quickly with one `output-write` line and exit 1,
 * with nothing written anywhere.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../../src/util/atomic-write.js';
import { source, TempProject } from '../helpers/project.js';

let p: TempProject;
beforeAll(() => {
  p = new TempProject({
    'sources/text.md': source({ title: 'Text' }, 'Ein Absatz.\n'),
    'editions/x.yaml': 'title: X\ntexts: [text]\nformats: [epub]\n',
    'eine-datei': 'Ich bin eine Datei, kein Ordner.\n',
  });
});
afterAll(() => p.remove());

describe('an output folder that cannot be created', () => {
  it.each([
    ['under /proc', '/proc/edition-test/x', '/proc/edition-test/x', /cannot create the output folder: .*\(ENOENT\)/],
    ['below a file', 'eine-datei/x', 'eine-datei/x', /cannot create the output folder: a file stands where the output folder should be \(ENOTDIR\)/],
  ])('%s: one output-write error, exit 1, within seconds', async (_case, out, shown, reason) => {
    const started = Date.now();
    const r = await p.run(['build', '--out', out], { timeoutMs: 30_000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    // A folder has no line: the message is `folder: error: reason [output-write]`.
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${shown}: error: `)).toBe(true);
    expect(lines[0]!.endsWith(' [output-write]')).toBe(true);
    expect(lines[0]).toMatch(reason);
    expect(fs.readFileSync(p.path('eine-datei'), 'utf8')).toBe('Ich bin eine Datei, kein Ordner.\n');
    expect(p.exists('dist')).toBe(false);
  }, 60_000);
});

describe('makeFolder', () => {
  it('creates missing parents, accepts an existing folder, and fails once where mkdir -p would spin', () => {
    makeFolder(p.path('a/b/c'));
    makeFolder(p.path('a/b/c'));
    expect(fs.statSync(p.path('a/b/c')).isDirectory()).toBe(true);
    expect(() => makeFolder('/proc/edition-test/y')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => makeFolder(p.path('eine-datei/z'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});
