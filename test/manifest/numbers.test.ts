/**
 * Issue 8, item 7: unquoted numbers in YAML are text, in front matter and
 * manifests alike (README's own `tags: [lenin, 1917]`, `title: 1917`,
 * `date: 1917`), kept exactly as written (`1.10`, `007`). A value that is
 * really wrong says what was expected and shows the fix, at its line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/manifest/load.js';
import { diagnostics, TempProject } from '../helpers/project.js';
import { readEpub } from '../helpers/validators.js';

let p: TempProject;
beforeAll(() => {
  p = new TempProject({
    'sources/zahlen.md': '---\ntitle: 1917\nsubtitle: 1.10\nauthor: [W. I. Lenin, 1870]\ndate: 1917\ntags: [lenin, 1917]\nsource: 007\n---\n\nEin Text.\n',
    'sources/tag.md': '---\ntitle: Ein Tag\ndate: 1917-11-07\n---\n\nEin Text.\n',
    'editions/zahlen.yaml': 'title: 1917\nsubtitle: 1.10\ndate: 1955\neditor: 42\ntexts: [zahlen, tag]\nformats: [epub]\n',
    'editions/query.yaml': 'title: Abfrage\nquery: { tags: [1917], from: 1917, to: 1917 }\nformats: [epub]\n',
  });
});
afterAll(() => p.remove());

describe('numbers in YAML are text', () => {
  it('in front matter and manifests, exactly as written', async () => {
    const r = await p.run(['build', 'editions/zahlen.yaml', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const opf = (await readEpub(p.read('dist/zahlen.epub'))).entries.get('OEBPS/content.opf')!.toString();
    expect(opf).toContain('<dc:title id="title">1917</dc:title>');
    expect(opf).toContain('1.10');
    expect(opf).toContain('<dc:date>1955</dc:date>');
    expect(opf).toContain('>007<');
    const list = JSON.parse((await p.run(['list', '--json'])).stdout) as { id: string; title: string; date: string; tags: string[]; authors: string[] }[];
    expect(list.find((t) => t.id === 'zahlen')).toMatchObject({ title: '1917', date: '1917', tags: ['lenin', '1917'], authors: ['W. I. Lenin', '1870'] });
    // An unquoted full date is the date as written.
    expect(list.find((t) => t.id === 'tag')).toMatchObject({ date: '1917-11-07' });
  });

  it('in queries: tags and years', async () => {
    const r = await p.run(['build', 'editions/query.yaml', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { editions: { texts: string[] }[] }).editions[0]!.texts).toEqual(['zahlen']);
  });

  it('in manifest objects passed to the API, and a Date means its day', () => {
    const m = validateManifest({ title: 1917, texts: [7], date: new Date(Date.UTC(1917, 10, 7)) }, () => ({ file: '<api>' }));
    expect(m).toMatchObject({ title: '1917', texts: ['7'], date: '1917-11-07' });
  });
});

describe('values that are really wrong', () => {
  it('say what was expected and show the fix, at file:line', async () => {
    const q = new TempProject({
      'sources/falsch.md': '---\ntitle: true\ntags: [lenin, false]\nsubtitle:\ndate: yes\n---\n\nText.\n',
      'editions/falsch.yaml': 'title: X\nsubtitle: [a, b]\neditor: { name: X }\nquery: { author: [Lenin, true] }\n',
    });
    try {
      const src = diagnostics((await q.run(['check'])).stdout).messages.map((m) => `${m.file}:${m.line}: ${m.reason}`);
      expect(src).toEqual([
        'sources/falsch.md:2: `title` must be text; quote it: title: "true"',
        'sources/falsch.md:3: `tags` item 2 must be text; quote it: tags: [lenin, "false"]',
        'sources/falsch.md:4: `subtitle` is empty; write a text or leave the field out',
        'sources/falsch.md:5: `date` must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
      ]);
      q.write('sources/falsch.md', '---\ntitle: Gut\n---\n\nText.\n');
      const r = await q.run(['build', 'editions/falsch.yaml']);
      expect(r.code).toBe(1);
      expect(diagnostics(r.stderr).messages.map((m) => `${m.file}:${m.line}: ${m.reason}`)).toEqual([
        'editions/falsch.yaml:2: `subtitle` must be text, not a list; write one value: subtitle: "…"',
        'editions/falsch.yaml:3: `editor` must be text or a list of texts, not a mapping',
        'editions/falsch.yaml:4: `query.author` item 2 must be text; quote it: author: [Lenin, "true"]',
      ]);
    } finally {
      q.remove();
    }
  });
});
