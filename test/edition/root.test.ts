/**
 * Issue 8, item 2: a library outside the working folder. The project root is
 * where the library lives (src/edition/root.ts), not process.cwd(): images
 * beside a source, links to sibling texts and the library's own templates/
 * work from anywhere; nothing may leave the root, symbolic links included;
 * messages name files relative to where the user stands, the same in build,
 * list and check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/edition/build.js';
import { findProjectRoot } from '../../src/edition/root.js';
import { InputError } from '../../src/model/messages.js';
import { runCli, source, TempProject } from '../helpers/project.js';
import { tinyPng } from '../helpers/png.js';
import { javaEpubcheck, readEpub, skipUnlessTool } from '../helpers/validators.js';

const noEpubcheck = skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck');

let lib: TempProject;
let elsewhere: TempProject;

beforeAll(() => {
  lib = new TempProject({
    'sources/bild.png': tinyPng(),
    'sources/mit-bild.md': source({ title: 'Mit Bild', author: 'A. Autor', date: '1920' }, 'Siehe [den anderen Text](anderer.md#h-teil).\n\n![Ein rotes Quadrat](bild.png)\n'),
    'sources/anderer.md': source({ title: 'Anderer Text', date: '1921' }, 'Einleitung.\n\n## Teil\n\nMehr.\n'),
    'templates/eigen/template.yaml': 'description: Eigene Schrift\nextends: buch\n',
    'templates/eigen/epub/style.css': `${fs.readFileSync(path.resolve('templates/buch/epub/style.css'), 'utf8')}\n/* eigene-vorlage */\n`,
    'editions/x.yaml': 'title: Auswärts\ntexts: [mit-bild, anderer]\ntemplate: eigen\nformats: [epub]\n',
  }, 'edition-lib-');
  elsewhere = new TempProject({}, 'edition-elsewhere-');
  fs.rmSync(elsewhere.path('sources'), { recursive: true });
  fs.rmSync(elsewhere.path('editions'), { recursive: true });
});
afterAll(() => {
  lib.remove();
  elsewhere.remove();
});

describe('findProjectRoot', () => {
  it('is the parent of a named sources folder, else the folder above the manifest holding sources/, else cwd', () => {
    expect(findProjectRoot({ sourcesDir: lib.path('sources'), cwd: '/' })).toBe(lib.dir);
    expect(findProjectRoot({ manifests: [lib.path('editions/x.yaml')], cwd: '/' })).toBe(lib.dir);
    expect(findProjectRoot({ manifests: ['editions/x.yaml'], cwd: lib.dir })).toBe(lib.dir);
    expect(findProjectRoot({ cwd: elsewhere.dir })).toBe(elsewhere.dir);
  });
});

describe('a library outside the working folder', () => {
  it('builds through the CLI from another folder: image, sibling link and own template, epubcheck 0/0', async () => {
    const rel = path.relative(elsewhere.dir, lib.dir);
    const r = await runCli(elsewhere.dir, ['build', lib.path('editions/x.yaml'), '--sources', lib.path('sources'), '--out', 'out']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Output lines name files as the user would type them from where they stand.
    expect(r.stdout).toBe(`out/x.epub  ${/\d+ KiB/.exec(r.stdout)![0]}, 2 texts, 0 notes\n`);
    const bytes = fs.readFileSync(elsewhere.path('out/x.epub'));
    const book = await readEpub(bytes);
    expect([...book.entries.keys()]).toContain('OEBPS/images/img-1.png');
    expect(book.entries.get('OEBPS/style.css')!.toString()).toContain('/* eigene-vorlage */');
    expect(book.entries.get('OEBPS/text-mit-bild.xhtml')!.toString()).toContain('href="text-anderer.xhtml#h-teil"');
    expect(fs.existsSync(path.join(lib.dir, 'dist'))).toBe(false);
    if (!noEpubcheck) expect(javaEpubcheck(elsewhere.path('out/x.epub'))).toEqual([]);
    // Without --sources and --out: the root comes from the manifest, the output goes to its dist/.
    const again = await runCli(elsewhere.dir, ['build', path.join(rel, 'editions/x.yaml')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^${path.join(rel, 'dist/x.epub').replace(/[.]/g, '\\.')} `));
    expect(fs.readFileSync(lib.path('dist/x.epub'))).toEqual(bytes);
  });

  it('builds through the API with an absolute sourcesDir', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-api-out-'));
    try {
      const result = await buildEdition(
        { manifest: { title: 'API', texts: ['mit-bild', 'anderer'], template: 'eigen', formats: ['epub'] } },
        { sourcesDir: lib.path('sources'), outDir: out },
      );
      expect(result.files.map((f) => path.basename(f.path))).toEqual(['api.epub']);
      expect(result.templateDirs[0]).toBe(lib.path('templates/eigen'));
      if (!noEpubcheck) expect(javaEpubcheck(path.join(out, 'api.epub'))).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses a symbolic link that leads out of the root', async () => {
    const outside = new TempProject({ 'geheim.png': tinyPng() }, 'edition-outside-');
    const p = new TempProject({
      'sources/text.md': source({ title: 'Text' }, 'Absatz.\n\n![Bild](bild.png)\n'),
      'editions/x.yaml': 'title: X\ntexts: [text]\nformats: [epub]\n',
    });
    try {
      fs.symlinkSync(outside.path('geheim.png'), p.path('sources/bild.png'));
      const r = await runCli(elsewhere.dir, ['build', p.path('editions/x.yaml')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/sources\/text\.md:7:1: error: image path leaves the project folder: bild\.png \[path-outside-project\]/);
      expect(p.exists('dist')).toBe(false);
      await expect(buildEdition({ manifestFile: p.path('editions/x.yaml') }, {})).rejects.toBeInstanceOf(InputError);
    } finally {
      outside.remove();
      p.remove();
    }
  });

  it('names files the same way, relative to the working folder, in build, list and check', async () => {
    const bad = new TempProject({
      'sources/kaputt.md': source({ title: 'Kaputt' }, 'Text mit Verweis[^x].\n'),
      'editions/k.yaml': 'title: K\ntexts: [kaputt]\nformats: [epub]\n',
    });
    try {
      const expected = `${path.relative(elsewhere.dir, bad.path('sources/kaputt.md'))}:5:17: error: note reference [^x] has no definition [note-undefined]`;
      const build = await runCli(elsewhere.dir, ['build', bad.path('editions/k.yaml')]);
      const list = await runCli(elsewhere.dir, ['list', '--sources', bad.path('sources')]);
      const check = await runCli(elsewhere.dir, ['check', '--sources', bad.path('sources')]);
      expect(build.stderr.split('\n')).toContain(expected);
      expect(list.stderr.split('\n')).toContain(expected);
      expect(check.stdout.split('\n')).toContain(expected);
      expect([build.code, list.code, check.code]).toEqual([1, 1, 1]);
    } finally {
      bad.remove();
    }
  });
});
