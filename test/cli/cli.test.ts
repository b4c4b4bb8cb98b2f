import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject, REPO, runCli } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = makeProject({
    editions: {
      'lenin.yaml': 'title: Lenin\nquery:\n  author: Lenin\nformats: [epub]\n',
      'kaputt.yaml': 'title: Kaputt\ntexts:\n  - lenin-aufruf\n  - lenin-brif\nformats: [epub]\n',
    },
  });
});
afterAll(() => removeProject(dir));

describe('exit codes', () => {
  it('0 when every edition builds; plain lines without a terminal', () => {
    const r = runCli(dir, ['build', 'editions/lenin.yaml']);
    expect(r.stderr).toBe('');
    // Counts agree with their number: "1 note", "2 texts" (issue 8, item 16).
    expect(r.stdout).toMatch(/^dist\/lenin\.epub {2}\d+ KiB, 2 texts, 1 note\n$/);
    expect(r.code).toBe(0);
  });

  it('1 for errors in the input, each as file:line:col', () => {
    const r = runCli(dir, ['build', 'editions/kaputt.yaml']);
    expect(r.stderr).toBe('editions/kaputt.yaml:4:5: error: no source has the id `lenin-brif` (did you mean `lenin-brief`?) [selection-unknown-id]\n');
    expect(r.code).toBe(1);
  });

  it('1 when one of several editions fails, and the others are still built', () => {
    fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
    const r = runCli(dir, ['build']);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'dist/lenin.epub'))).toBe(true);
  });

  it.each([
    [['build', '--bogus'], /Unknown argument: bogus/],
    [['build', '--select', 'autor:Lenin', '--title', 'X'], /unknown key `autor` \(did you mean `author`\?\)/],
    [['build', '--select', 'year:1917-1918', '--title', 'X'], /not a year or range/],
    [['build', '--select', 'author:Lenin'], /needs a --title/],
    [['build', 'editions/lenin.yaml', '--select', 'author:Lenin', '--title', 'X'], /either manifests or an ad-hoc selection/],
    [['build', '--title', 'X'], /belongs to an ad-hoc selection/],
    [['build', '--format', 'mobi'], /unknown format `mobi`/],
    [['build', '--notes', 'end', '--id', 'a', '--title', 'X'], /Invalid values/],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [[], /Name a command/],
    [['list', '--select', 'nokey'], /expected key:value/],
  ])('2 for usage mistakes: %j', (args, message) => {
    const r = runCli(dir, args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});

describe('ad-hoc selections', () => {
  it('writes OUT/<slug of the title>.epub', () => {
    const r = runCli(dir, ['build', '--select', 'author:Lenin', '--select', 'year:1917..1918', '--title', 'Lenin 1917–1918', '--format', 'epub', '--out', 'out', '--notes', 'book']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^out\/lenin-1917-1918\.epub /);
  });

  it('keeps the --id order and reports unknown ids by name', () => {
    const ok = runCli(dir, ['build', '--id', 'trotzki-armee,lenin-aufruf', '--title', 'Zwei', '--format', 'epub', '--json']);
    expect(JSON.parse(ok.stdout).editions[0].texts).toEqual(['trotzki-armee', 'lenin-aufruf']);
    const bad = runCli(dir, ['build', '--id', 'lenin-aufruf,trotzky-armee', '--title', 'Zwei', '--format', 'epub']);
    expect(bad.stderr).toBe('--id trotzky-armee: error: no source has the id `trotzky-armee` (did you mean `trotzki-armee`?) [selection-unknown-id]\n');
    expect(bad.code).toBe(1);
  });

  it('names the --select that matches nothing', () => {
    const r = runCli(dir, ['build', '--select', 'lang:de', '--select', 'tag:armee,lenin', '--title', 'X', '--format', 'epub']);
    expect(r.stderr).toBe('--select tag:armee,lenin: error: the query matches no source: no text has all the tags `armee, lenin` [selection-empty-query]\n');
    expect(r.code).toBe(1);
  });
});

describe('output modes', () => {
  it('--json prints a summary with files, sizes, notes and warnings', () => {
    const r = runCli(dir, ['build', 'editions/lenin.yaml', 'editions/kaputt.yaml', '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.ok).toBe(false);
    expect(s.files).toEqual([{ edition: 'lenin', format: 'epub', path: 'dist/lenin.epub', bytes: expect.any(Number), notes: 1 }]);
    expect(s.editions[0]).toMatchObject({ edition: 'lenin', ok: true, texts: ['lenin-aufruf', 'lenin-brief'], warnings: [] });
    expect(s.editions[1]).toMatchObject({ origin: 'editions/kaputt.yaml', ok: false, errors: [{ rule: 'selection-unknown-id', line: 4, column: 5 }] });
    expect(s.errors).toHaveLength(1);
  });

  it('--quiet prints only errors', () => {
    expect(runCli(dir, ['build', 'editions/lenin.yaml', '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const r = runCli(dir, ['build', '--quiet']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/selection-unknown-id/);
  });
});

describe('list', () => {
  it('prints a table of the matching sources', () => {
    const r = runCli(dir, ['list', '--select', 'lang:de', '--sort', 'date']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+AUTHOR\s+DATE\s+TITLE\s+WORDS\s+NOTES$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['lenin-aufruf', 'lenin-brief', 'trotzki-armee', 'zeitung']);
    expect(r.code).toBe(0);
  });

  it('--json gives one object per source', () => {
    const r = runCli(dir, ['list', '--select', 'author:Luxemburg', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'luxemburg-revolution', title: 'The Russian Revolution', authors: ['Rosa Luxemburg'], date: '1918-09', lang: 'en', tags: ['revolution'], words: expect.any(Number), notes: 1, file: 'sources/luxemburg-revolution.md' },
    ]);
  });

  it('says why nothing matched, and exits 0 with an empty list', () => {
    const r = runCli(dir, ['list', '--select', 'tag:komintren', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/no text has the tag `komintren` \(did you mean `komintern`\?\)/);
    expect(r.code).toBe(0);
  });
});

describe('check', () => {
  it('exits 0 on a clean library', () => {
    const r = runCli(dir, ['check']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('5 files checked: 0 errors, 0 warnings\n');
    expect(r.code).toBe(0);
  });

  it('exits 1 with file:line:col findings; --json has them too', () => {
    const lint = path.resolve(__dirname, '../fixtures/lint');
    const r = runCli(dir, ['check', '--sources', lint]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/leftovers\.md:7:21: error: plain note mark `\[12\]`/);
    const j = runCli(dir, ['check', '--sources', lint, '--json']);
    const s = JSON.parse(j.stdout);
    expect(s).toMatchObject({ ok: false, files: 6 });
    expect(s.messages).toContainEqual({ severity: 'error', rule: 'note-undefined', reason: 'note reference [^2] has no definition', file: expect.stringMatching(/notes\.md$/), line: 6, column: 42 });
    expect(s.errors).toBe(s.messages.filter((m: { severity: string }) => m.severity === 'error').length);
  });

  it('--strict fails on warnings; --rules lists the rules', () => {
    const file = path.resolve(__dirname, '../fixtures/lint/clean.md');
    expect(runCli(dir, ['check', file, '--strict']).code).toBe(0);
    const rules = runCli(dir, ['check', '--rules', '--json']);
    expect(JSON.parse(rules.stdout).map((r: { id: string }) => r.id)).toContain('raw-nbsp-line');
  });
});

describe('templates', () => {
  it('lists the built-in templates with a description', () => {
    const r = runCli(dir, ['templates']);
    expect(r.stdout).toMatch(/^TEMPLATE\s+FROM\s+DESCRIPTION\n/);
    expect(r.stdout).toMatch(/\na4\s+built-in\s+A4 .*\(extends buch\)\n/);
    expect(r.stdout).toMatch(/\nbuch\s+built-in\s+A5-Buch/);
  });

  it('lists a project template first, with --json', () => {
    const own = makeProject({ templates: { 'mein/template.yaml': 'description: Meins\nextends: buch\n' } });
    try {
      const list = JSON.parse(runCli(own, ['templates', '--json']).stdout);
      expect(list.find((t: { name: string }) => t.name === 'mein')).toMatchObject({ description: 'Meins', extends: 'buch', source: 'project' });
    } finally {
      removeProject(own);
    }
  });

  it('an edition can use a project template', () => {
    const own = makeProject({ templates: { 'blau/template.yaml': 'description: Blau\nextends: buch\n', 'blau/epub/style.css': 'body { color: blue }\n' } });
    try {
      const r = runCli(own, ['build', '--id', 'zeitung', '--title', 'Blau', '--template', 'blau', '--format', 'epub']);
      expect(r.code).toBe(0);
      const missing = runCli(own, ['build', '--id', 'zeitung', '--title', 'Rot', '--template', 'rot', '--format', 'epub']);
      expect(missing.stderr).toMatch(/^--template: error: unknown template `rot` \(available: .*blau.*\) \[template-unknown\]/);
      expect(missing.code).toBe(1);
    } finally {
      removeProject(own);
    }
  });
});

describe('version', () => {
  // Issue 8, item 15: --version printed two error lines; -V is the short form.
  it.each([['--version'], ['-V']])('edition %s prints the version from package.json and nothing else', (flag) => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = runCli(dir, [flag]);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('help', () => {
  it.each(['build', 'list', 'check', 'import', 'templates'])('edition %s --help shows options and examples', (cmd) => {
    const r = runCli(dir, [cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`edition ${cmd}`));
    expect(r.stdout).toMatch(/Examples:/);
  });
});
