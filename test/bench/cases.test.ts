import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { editSource, editedSteps, scaleSteps, selectionSteps, startupSteps, taggingSteps, type PlanOptions, type Step } from './cases.js';
import { wholeEdition, writeProject } from './corpus.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const project = writeProject(path.join(REPO, 'sources'), 2, wholeEdition(2));
afterAll(() => fs.rmSync(project.root, { recursive: true, force: true }));

const cli = { argv: [process.execPath, '/repo/lib/cli/bin.js'], label: 'compiled' };
const opts = (over: Partial<PlanOptions> = {}): PlanOptions => ({ cli, repo: REPO, runs: 3, cache: true, yardstick: { pandoc: true, pdflatex: true, notes: [] }, ...over });
/** Each step as the names of its cases (alternating ones together), a skipped case as "name: reason". */
const shape = (steps: Step[]) => steps.map((s) => ('skipped' in s ? `${s.skipped.name}: ${s.skipped.failure}` : s.cases.map((c) => c.name).join(' + ')));

describe('scaleSteps', () => {
  it('runs cold against pandoc/pdflatex alternately, then warm; at ×10 also --no-cache', () => {
    expect(shape(scaleSteps(opts(), project, 10))).toEqual([
      'samples ×10 epub no-cache',
      'samples ×10 epub cold + pandoc ×10 epub',
      'samples ×10 epub warm',
      'samples ×10 pdf no-cache',
      'samples ×10 pdf cold + pandoc+pdflatex ×10 pdf',
      'samples ×10 pdf warm',
    ]);
  });
  it('runs the whole command in the project, with its own output folder', () => {
    const [cold, pandoc] = (scaleSteps(opts(), project, 2)[0] as { cases: import('./cases.js').Case[] }).cases;
    expect(cold!.argv).toEqual([...cli.argv, 'build', 'editions/x2.yaml', '--format', 'epub', '--out', path.join(project.root, 'out-epub-cold')]);
    expect(cold!.cwd).toBe(project.root);
    expect(cold!.sourceBytes).toBe(project.bytes);
    expect(pandoc!.argv.filter((a) => a.startsWith('sources/'))).toEqual(project.ids.map((id) => `sources/${id}.md`));
  });
  it('gives edition\'s cases the project\'s cache folder, and pandoc\'s none', () => {
    const [cold, pandoc] = (scaleSteps(opts(), project, 2)[0] as { cases: import('./cases.js').Case[] }).cases;
    expect(cold!.cacheDir).toBe(path.join(project.root, '.edition-cache'));
    expect(pandoc!.cacheDir).toBeUndefined();
  });
  it('skips warm runs without a cache and the rivals that are not installed, saying why', () => {
    const steps = scaleSteps(opts({ cache: false, yardstick: { pandoc: false, pdflatex: false, notes: [] } }), project, 2);
    expect(shape(steps)).toEqual([
      'samples ×2 epub cold',
      'pandoc ×2 epub: skipped: pandoc is not installed',
      'samples ×2 epub warm: skipped: no content cache (see below)',
      'samples ×2 pdf cold',
      'pandoc+pdflatex ×2 pdf: skipped: pdflatex is not installed',
      'samples ×2 pdf warm: skipped: no content cache (see below)',
    ]);
  });
});

describe('the other steps', () => {
  it('start-up: bare node, --version, --help and the API import, 5× the runs', () => {
    const steps = startupSteps(opts());
    expect(shape(steps)).toEqual(['node -e 0', 'edition --version', 'edition --help', "import('edition')"]);
    expect(steps.every((s) => 'cases' in s && s.cases[0]!.runs === 15)).toBe(true);
  });
  it('selections: one command for every manifest, cold then warm', () => {
    const steps = selectionSteps(opts(), project);
    expect(shape(steps)).toEqual(['100 selections epub cold', '100 selections epub warm']);
    const cold = (steps[0] as { cases: import('./cases.js').Case[] }).cases[0]!;
    expect(cold.argv.slice(2)).toEqual(['build', '--format', 'epub', '--out', path.join(project.root, 'out-cold')]);
  });
  it('tagging: tagged and untagged through the API, alternating', () => {
    expect(shape(taggingSteps(opts(), project, '/repo/lib/index.js'))).toEqual(['api ×10 pdf tagged + api ×10 pdf untagged']);
  });
  it('edited: EPUB and PDF, each run after editing a source', () => {
    expect(shape(editedSteps(opts(), project, 2))).toEqual(['samples ×2 epub edited', 'samples ×2 pdf edited']);
  });
});

describe('editSource', () => {
  it('puts a new first paragraph into a different source each run, front matter untouched', () => {
    const read = (id: string) => fs.readFileSync(path.join(project.root, 'sources', `${id}.md`), 'utf8');
    const before = project.ids.map(read);
    editSource(project, 1);
    const after = project.ids.map(read);
    expect(after.filter((t, i) => t !== before[i])).toHaveLength(1);
    const edited = matter(after[1]!, {});
    expect(edited.data).toEqual(matter(before[1]!, {}).data);
    expect(edited.content.trimStart().startsWith('Bearbeitet im Lauf 2 der Messung.\n')).toBe(true);
    expect(edited.content).toContain(matter(before[1]!, {}).content.trim());
  });
});
