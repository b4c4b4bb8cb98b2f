import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, makeProject, removeProject } from './helpers.js';

/** A running `edition build --watch` whose output can be awaited line by line. */
function watch(cwd: string, args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'build', '--watch', ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const waitFor = async (re: RegExp, from: () => string = () => out, ms = 30_000) => {
    const start = Date.now();
    while (!re.test(from())) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${re}; stdout:\n${out}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, waitFor, exit, out: () => out, err: () => err, clear: () => ((out = ''), (err = '')) };
}

let dir: string;
afterAll(() => dir && removeProject(dir));

describe('edition build --watch', () => {
  it('rebuilds only the affected editions, survives errors and stops on SIGINT', async () => {
    dir = makeProject({
      editions: {
        'a.yaml': 'title: A\ntexts: [lenin-aufruf]\nformats: [epub]\n',
        'b.yaml': 'title: B\ntexts: [zeitung]\nformats: [epub]\n',
      },
    });
    const w = watch(dir, []);
    await w.waitFor(/dist\/b\.epub/);
    await w.waitFor(/Watching/, w.err);
    w.clear();

    const source = path.join(dir, 'sources/lenin-aufruf.md');
    fs.appendFileSync(source, '\nEin neuer Absatz.\n');
    await w.waitFor(/sources\/lenin-aufruf\.md → rebuilt a\.epub \(\d+\.\d s\)\n/);
    expect(w.out()).not.toMatch(/b\.epub/);

    // A broken manifest: the error is printed, the watcher keeps running.
    w.clear();
    fs.writeFileSync(path.join(dir, 'editions/b.yaml'), 'title: B\ntexts: [zeitunk]\nformats: [epub]\n');
    await w.waitFor(/editions\/b\.yaml:2:9: error: no source has the id `zeitunk`/, w.err);
    await w.waitFor(/editions\/b\.yaml → failed; 1 edition failed/);

    w.clear();
    fs.writeFileSync(path.join(dir, 'editions/b.yaml'), 'title: B\ntexts: [zeitung]\nformats: [epub]\n');
    await w.waitFor(/editions\/b\.yaml → rebuilt b\.epub/);

    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  // Issue 8, item 14: a rebuild printed no warnings; it must show what a fresh build shows.
  it('prints the warnings a change brings, exactly as a fresh build does', async () => {
    const w = watch(dir, ['editions/a.yaml']);
    await w.waitFor(/Watching/, w.err);
    w.clear();
    const source = path.join(dir, 'sources/lenin-aufruf.md');
    fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace('title:', 'autor: Lenin\ntitle:'));
    await w.waitFor(/sources\/lenin-aufruf\.md → rebuilt a\.epub/);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    const fresh = spawnSync(process.execPath, [BIN, 'build', 'editions/a.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(fresh.stderr).toMatch(/^sources\/lenin-aufruf\.md:3:1: warning: unknown field `autor` \(did you mean `author`\?\); it is ignored \[frontmatter-unknown-field\]\n$/);
    expect(w.err()).toBe(fresh.stderr);
  });
});
