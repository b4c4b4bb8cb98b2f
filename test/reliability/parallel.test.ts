/**
 * Several editions at once never mix up outputs: one CLI run with many
 * manifests, and two CLI processes building into the same output folder at
 * the same time. Each output holds its own title and only its own texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject, manifest, source, type CliResult } from '../helpers/project.js';
import { readEpub, spineText, pdfText, tools } from '../helpers/validators.js';

const FORMATS = ['epub', 'pdf'];
/** A word only text `id` contains. */
const MARK: Record<string, string> = { a: 'Alphawort', b: 'Betawort', c: 'Gammawort', d: 'Deltawort' };
const EDITIONS: Record<string, { title: string; texts: string[] }> = {
  eins: { title: 'Ausgabe Eins', texts: ['a', 'b'] },
  zwei: { title: 'Ausgabe Zwei', texts: ['c'] },
  drei: { title: 'Ausgabe Drei', texts: ['d', 'a'] },
  vier: { title: 'Ausgabe Vier', texts: ['b', 'c', 'd'] },
};

let p: TempProject;
beforeAll(() => {
  const files: Record<string, string> = {};
  for (const [id, mark] of Object.entries(MARK)) {
    files[`sources/${id}.md`] = source({ title: `Text ${id.toUpperCase()}` }, `${`Ein Absatz mit dem ${mark} darin. `.repeat(30)}\n\nNoch ein ${mark}.[^1]\n\n[^1]: Anmerkung zum ${mark}.\n`);
  }
  for (const [name, e] of Object.entries(EDITIONS)) files[`editions/${name}.yaml`] = manifest({ ...e, formats: FORMATS });
  p = new TempProject(files);
});
afterAll(() => p?.remove());

/** Checks that dist/<name>.* hold exactly their edition's title and texts. */
async function expectOwnContent(out: string, names: string[]): Promise<void> {
  for (const name of names) {
    const { title, texts } = EDITIONS[name]!;
    const book = await readEpub(p.read(`${out}/${name}.epub`));
    const opf = book.entries.get(book.opfPath)!.toString('utf8');
    expect(opf, `${name}.epub title`).toContain(`<dc:title id="title">${title}</dc:title>`);
    const outputs: [string, string][] = [[`${name}.epub`, spineText(book)]];
    if (FORMATS.includes('pdf') && tools.pdftotext) outputs.push([`${name}.pdf`, pdfText(p.path(`${out}/${name}.pdf`))]);
    for (const [file, text] of outputs) {
      expect(text, `${file} title`).toContain(title);
      for (const [id, mark] of Object.entries(MARK)) {
        if (texts.includes(id)) expect(text, `${file} should hold text ${id}`).toContain(mark);
        else expect(text, `${file} must not hold text ${id}`).not.toContain(mark);
      }
    }
  }
}

const ok = (r: CliResult) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
};

describe('many editions at once', () => {
  it('one CLI run with many manifests', async () => {
    const names = Object.keys(EDITIONS);
    ok(await p.run(['build', ...names.map((n) => `editions/${n}.yaml`), '--out', 'dist-many', '--quiet']));
    expect(p.list('dist-many')).toEqual(names.flatMap((n) => FORMATS.map((f) => `${n}.${f}`)).sort());
    await expectOwnContent('dist-many', names);
  });

  it('two processes building into the same folder at the same time', async () => {
    const names = Object.keys(EDITIONS);
    // Overlapping sets, in different orders: both processes write zwei and drei.
    const [r1, r2] = await Promise.all([
      p.run(['build', 'editions/eins.yaml', 'editions/zwei.yaml', 'editions/drei.yaml', '--out', 'dist-shared', '--quiet']),
      p.run(['build', 'editions/drei.yaml', 'editions/vier.yaml', 'editions/zwei.yaml', '--out', 'dist-shared', '--quiet']),
    ]);
    ok(r1);
    ok(r2);
    expect(p.list('dist-shared'), 'all outputs and no stray temporaries').toEqual(names.flatMap((n) => FORMATS.map((f) => `${n}.${f}`)).sort());
    await expectOwnContent('dist-shared', names);
  });
});
