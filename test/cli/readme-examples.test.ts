/**
 * The README's command-line examples, run verbatim: every line of a ```sh
 * block that starts with `edition` or `npx edition` runs against a fixture
 * library and must exit 0; a `# → file` comment is a promise that the file
 * is written. Lines that cannot run in a test are listed in NOT_RUN with the
 * reason, so a new example is run unless someone says why not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_LIBRARY } from './helpers.js';
import { REPO, source, TempProject } from '../helpers/project.js';
import { javaEpubcheck, skipUnlessTool } from '../helpers/validators.js';

const noEpubcheck = skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck');

/** Example lines deliberately not run here, with the reason. */
const NOT_RUN: Record<string, string> = {
  'npm install && npm run build': 'installs packages and builds the repository itself (test/e2e/sample-edition.test.ts builds the sample editions)',
  'npm test': 'runs the whole suite, this test included',
};

interface Example {
  line: string;
  args: string[];
  /** Files the line's `# → …` comment promises. */
  promised: string[];
}

/**
 * What a batch scheduler sets for the README's indexed-job example (Kubernetes
 * names them so): the example runs as the first of two jobs.
 */
const SCHEDULER_ENV: Record<string, string> = { JOB_COMPLETION_INDEX: '0', JOB_COUNT: '2' };

/** The two expansions the README uses, `$((NAME + 1))` and `$NAME`, from SCHEDULER_ENV; any other `$` fails the test. */
function expand(line: string): string {
  const value = (name: string) => {
    const v = SCHEDULER_ENV[name];
    if (v === undefined) throw new Error(`README example uses $${name}, which SCHEDULER_ENV does not set: ${line}`);
    return v;
  };
  return line.replace(/\$\(\((\w+) \+ 1\)\)/g, (_, n: string) => String(Number(value(n)) + 1)).replace(/\$(\w+)/g, (_, n: string) => value(n));
}

/** Splits a shell line into words (double and single quotes; expansions are done before, by expand()). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** Every command line of the README's ```sh blocks. */
function readmeExamples(): { run: Example[]; skipped: string[] } {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const run: Example[] = [];
  const skipped: string[] = [];
  for (const block of readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const raw of block[1]!.split('\n')) {
      const [command = '', comment = ''] = raw.split(/\s+#\s*/, 2);
      const line = command.trim();
      if (!line) continue;
      const words = shellWords(expand(line));
      const start = words[0] === 'npx' ? 1 : 0;
      if (words[start] !== 'edition') {
        skipped.push(line);
        continue;
      }
      // "→ dist/lenin-1917.epub/.pdf" promises both files.
      const target = /→\s*(\S+)/.exec(comment)?.[1];
      const promised = target ? target.split('/.').map((part, i, all) => (i === 0 ? part : `${all[0]!.replace(/\.[^.]+$/, '')}.${part}`)) : [];
      run.push({ line, args: words.slice(start + 1), promised });
    }
  }
  return { run, skipped };
}

const examples = readmeExamples();
let p: TempProject;
beforeAll(() => {
  p = new TempProject();
  p.copyFrom(FIXTURE_LIBRARY, 'sources');
  // The README names two texts by the ids `text-a` and `text-b`.
  p.write('sources/text-a.md', source({ title: 'Text A', author: 'A. Autorin', date: '1920' }, 'Der erste Text.[^1]\n\n[^1]: Seine Anmerkung.\n'));
  p.write('sources/text-b.md', source({ title: 'Text B', author: 'B. Autor', date: '1921' }, 'Der zweite Text.\n'));
  // The batch-job example builds its shard of editions/*.yaml: reader.yaml falls in shard 1 of 2, alle.yaml in shard 2 (src/edition/shard.ts).
  p.write('editions/reader.yaml', 'title: Lenin\nquery: { author: Lenin }\nformats: [epub]\n');
  p.write('editions/alle.yaml', 'title: Alle Texte\nquery: { from: "1900" }\nformats: [epub]\n');
  // "Adding a text" imports the article seed, saved as raw/artikel.txt.
  p.write('raw/artikel.txt', fs.readFileSync(path.join(REPO, 'test/fixtures/seeds/002_10cefb8d0ef24683.txt')));
});
afterAll(() => p.remove());

describe('README command-line examples', () => {
  it('finds the examples, and every line it does not run is listed with a reason', () => {
    expect(examples.run.length).toBeGreaterThanOrEqual(2);
    expect(examples.skipped.sort()).toEqual(Object.keys(NOT_RUN).sort());
  });

  const outputs = new Map<string, string>();
  it.each(examples.run.map((e) => [e.line, e] as const))('%s', async (_line, example) => {
    const r = await p.run(example.args, { timeoutMs: 300_000 });
    // No problem reported (`edition check` prints its summary line on stderr).
    expect(r.stderr).not.toMatch(/(error|warning):/);
    expect(r.code).toBe(0);
    outputs.set(example.args[0]!, r.stdout);
    for (const file of example.promised) expect(p.exists(file), `${file} is promised by the README`).toBe(true);
  }, 300_000);

  it("prints the import report the README shows (every line but the '…')", () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const shown = /the import prints[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown, 'README shows the import report').toBeDefined();
    const lines = shown!.split('\n').filter((l) => l && l !== '…');
    expect(lines.length).toBeGreaterThan(5);
    const printed = outputs.get('import')!.split('\n');
    for (const line of lines) expect(printed, line).toContain(line);
  });

  it.skipIf(noEpubcheck)('every EPUB the examples wrote passes epubcheck with 0 errors and 0 warnings', () => {
    // Into dist/, or where an example's --out says (out/0 for the batch job's first shard).
    const folders = ['dist', ...new Set(examples.run.flatMap((e) => (e.args.includes('--out') ? [e.args[e.args.indexOf('--out') + 1]!.replace(/\$\w+/g, '0')] : [])))];
    const epubs = folders.flatMap((d) => (p.exists(d) ? p.list(d).filter((f) => f.endsWith('.epub')).map((f) => path.join(d, f)) : []));
    expect(epubs.length).toBeGreaterThanOrEqual(examples.run.filter((e) => e.args[0] === 'build').length);
    for (const f of epubs) expect(javaEpubcheck(p.path(f)), f).toEqual([]);
  }, 300_000);
});
