/**
 * `edition import` through the real CLI: what it writes and when it refuses.
 * Errors are one `file:line:col: error: … [rule]` line, exit 1, and leave the
 * sources folder exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnostics, TempProject } from '../helpers/project.js';

const SEEDS = path.resolve(import.meta.dirname, '../fixtures/seeds');
const LENIN = path.join(SEEDS, '000_2f9e59acdd16dd5e.txt');

let project: TempProject;
afterEach(() => project?.remove());

/** Runs the import and expects exactly one diagnostic line with `rule`, exit 1, and sources/ unchanged. */
async function refuses(args: string[], rule: string): Promise<string> {
  const before = project.snapshot('sources');
  const r = await project.run(['import', ...args]);
  expect(r.code).toBe(1);
  const { messages, other } = diagnostics(r.stderr);
  expect(other).toEqual([]);
  expect(messages.map((m) => m.rule)).toEqual([rule]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(project.snapshot('sources')).toEqual(before);
  return r.stderr;
}

describe('edition import', () => {
  it('--dry-run prints the report and writes nothing', async () => {
    project = new TempProject();
    const r = await project.run(['import', LENIN, '--title', 'Aufruf', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^would write sources\/aufruf\.md from .*000_2f9e59acdd16dd5e\.txt \(text, UTF-8\)/);
    expect(r.stdout).toMatch(/note 2 has no mark in the text; kept as an unanchored note \[note-unanchored\]/);
    expect(project.list('sources')).toEqual([]);
  });

  it('--json gives counts, cuts with their rule, word changes and doubts', async () => {
    project = new TempProject();
    const r = await project.run(['import', LENIN, '--title', 'Aufruf', '--author', 'W. I. Lenin', '--date', '1917-11', '--tags', 'lenin,1917', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ output: 'sources/aufruf.md', written: true, counts: { 'notes-found': 2, 'source-line': 1 }, cuts: [], changes: [] });
    expect(report.doubts.map((d: { rule: string; line: number }) => `${d.rule}:${d.line}`)).toEqual(['source-line:5', 'note-unanchored:7', 'note-unanchored:11']);
    const src = fs.readFileSync(project.path('sources/aufruf.md'), 'utf8');
    expect(src).toMatch(/^---\nid: "aufruf"\ntitle: "Aufruf"\nauthor: "W. I. Lenin"\ndate: "1917-11"\nlang: "de"\nsource: "W.I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd.26, S. 298-302"\ntags: \["lenin", "1917"\]\nunanchored-notes: \["1", "2"\]\n---\n/);
  });

  it('never replaces an existing source without --force', async () => {
    project = new TempProject({ 'sources/aufruf.md': 'mine' });
    const err = await refuses([LENIN, '--title', 'Aufruf'], 'import-exists');
    expect(err).toMatch(/sources\/aufruf\.md exists already; use --force/);
    const r = await project.run(['import', LENIN, '--title', 'Aufruf', '--force', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(project.read('sources/aufruf.md').toString()).toMatch(/^---\nid: "aufruf"/);
  });

  it('refuses a missing, binary or empty raw file in one line', async () => {
    project = new TempProject({ 'raw/bin.txt': new Uint8Array([0x50, 0x4b, 0, 1]), 'raw/empty.txt': '  \n' });
    await refuses(['raw/missing.txt'], 'import-missing');
    await refuses(['raw/bin.txt'], 'import-binary');
    await refuses(['raw/empty.txt'], 'import-empty');
  });

  it('refuses a source that `edition check` would reject, writing nothing', async () => {
    project = new TempProject({ 'raw/a.md': '# Titel\n\nText.\n\n<script>alert(1)</script>\n' });
    expect(await refuses(['raw/a.md'], 'html-forbidden')).toMatch(/^raw\/a\.md:1:1: error: the imported source would fail `edition check`/);
  });

  it('refuses a stale recipe at the recipe’s line', async () => {
    project = new TempProject({ 'r.yaml': `raw: ${LENIN}\ntitle: X\ncut-after: Impressum\n` });
    const err = await refuses(['--recipe', 'r.yaml', '--raw-dir', '/'], 'recipe-mismatch');
    expect(err).toMatch(/^r\.yaml:3:1: error: `cut-after` line "Impressum" occurs 0 times/);
  });

  it('refuses a recipe whose unanchored-notes disagree with the text', async () => {
    project = new TempProject({ 'r.yaml': `title: X\nunanchored-notes: ["1"]\n` });
    await refuses([LENIN, '--recipe', 'r.yaml'], 'recipe-mismatch');
  });

  it('is a usage error (exit 2) to name neither a file nor a recipe with `raw:`', async () => {
    project = new TempProject();
    const r = await project.run(['import']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edition: name a raw file to import/);
  });
});
