/**
 * Issue 8, items 4 and 5: `--strict` fails an edition with warnings before
 * anything is written (the output folder stays exactly as it was), and a
 * build reports only the texts it builds: a warning in a text no edition
 * selects is `edition check`'s business, not the build's.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, source, TempProject } from '../helpers/project.js';

let p: TempProject;
beforeAll(() => {
  p = new TempProject({
    'sources/gut.md': source({ title: 'Gut', date: '1917' }, 'Ein sauberer Text.[^1]\n\n[^1]: Eine Anmerkung.\n'),
    // An unknown field and a note nobody refers to: two warnings.
    'sources/schief.md': source({ title: 'Schief', autor: 'X' }, 'Text.\n\n[^frei]: Niemand verweist hierher.\n'),
    'editions/gut.yaml': 'title: Gut\ntexts: [gut]\nformats: [epub]\n',
    'editions/schief.yaml': 'title: Schief\ntexts: [schief]\nformats: [epub]\n',
  });
});
afterAll(() => p.remove());

/** Path → size and mtime of every file under dist/, to see that nothing was touched. */
function listing(): Record<string, string> {
  const dir = p.path('dist');
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => {
    const s = fs.statSync(p.path('dist', f));
    return [f, `${s.size}:${s.mtimeMs}`];
  }));
}

describe('--strict', () => {
  it('a warning fails the edition with exit 1 and leaves dist exactly as it was', async () => {
    // A previous good build of both editions sits in dist/.
    expect((await p.run(['build'])).code).toBe(0);
    const before = { hashes: p.snapshot(), listing: listing() };
    expect(Object.keys(before.hashes)).toEqual(['gut.epub', 'schief.epub']);
    p.write('sources/schief.md', source({ title: 'Schief geändert', autor: 'X' }, 'Anderer Text.\n\n[^frei]: Niemand verweist hierher.\n'));

    const r = await p.run(['build', 'editions/schief.yaml', '--strict']);
    expect(r.code).toBe(1);
    const { messages, other } = diagnostics(r.stderr);
    expect(messages.map((m) => `${m.file}:${m.line} ${m.severity} ${m.rule}`)).toEqual([
      'sources/schief.md:3 warning frontmatter-unknown-field',
      'sources/schief.md:8 warning note-unused',
    ]);
    expect(other).toEqual(['edition: --strict: warnings in editions/schief.yaml; that edition was not written']);
    expect(r.stdout).toBe('');
    expect({ hashes: p.snapshot(), listing: listing() }).toEqual(before);
    expect(p.list()).toEqual(['gut.epub', 'schief.epub']);

    // The same build without --strict writes, prints the warnings and exits 0.
    const loose = await p.run(['build', 'editions/schief.yaml']);
    expect(loose.code).toBe(0);
    expect(diagnostics(loose.stderr).messages).toHaveLength(2);
    expect(p.snapshot()['schief.epub']).not.toBe(before.hashes['schief.epub']);
  });

  it('--strict --json reports the warnings as the failed edition\'s errors', async () => {
    const r = await p.run(['build', 'editions/schief.yaml', '--strict', '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout) as { ok: boolean; editions: { ok: boolean; errors: { rule: string }[] }[] };
    expect(summary.ok).toBe(false);
    expect(summary.editions[0]!.errors.map((e) => e.rule)).toEqual(['frontmatter-unknown-field', 'note-unused']);
  });
});

describe('warnings of texts not in the edition', () => {
  it('are not printed by a build and do not fail --strict', async () => {
    const r = await p.run(['build', 'editions/gut.yaml', '--strict']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dist\/gut\.epub {2}\d+ KiB, 1 text, 1 note\n$/);
  });

  it('still belong to `edition check`, which lints the whole library', async () => {
    const r = await p.run(['check', '--strict']);
    expect(r.code).toBe(1);
    expect(diagnostics(r.stdout).messages.map((m) => m.rule)).toEqual(expect.arrayContaining(['frontmatter-unknown-field', 'note-unused']));
  });
});
