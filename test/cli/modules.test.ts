/**
 * A command loads what it needs and nothing more (issue 9, item 2): each case
 * runs the compiled CLI under test/helpers/module-recorder.mjs, which lists
 * every module the process loaded, and asserts on the packages in that list.
 * Not a timing test: which modules load is what decides start-up time, and
 * it does not depend on how busy the machine is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaEpubcheck, formatFinding } from '../helpers/validators.js';
import { BIN, makeProject, removeProject, REPO } from './helpers.js';

const RECORDER = path.join(REPO, 'test/helpers/module-recorder.mjs');

/** What only a PDF needs: the cover of an EPUB also measures its type with fontkit, so fontkit is the cover's. */
const PDF_STACK = ['pdfkit', 'tex-linebreak', 'bidi-js', 'source-serif', '@embedpdf/fonts-sc', 'pdf-lib'];
const COVER_STACK = ['fontkit', '@resvg/resvg-js'];
const EPUB_STACK = ['epub-gen-memory', 'ejs', 'jszip'];
const INPUT_STACK = ['zod', 'yaml', 'gray-matter', 'markdown-it'];
/** The old parser, kept only as the test oracle (test/parse/oracle): never loaded by the tool. */
const TEST_ONLY = ['micromark', 'mdast-util-from-markdown'];
const PROGRESS = ['cli-progress'];

let dir: string;
beforeAll(() => {
  dir = makeProject({ editions: { 'lenin.yaml': 'title: Lenin\nquery:\n  author: Lenin\nformats: [epub, pdf]\n' } });
});
afterAll(() => removeProject(dir));

/** The last node_modules/ segment of a path names the package (nested copies included); scoped names have two parts. */
function packageOf(file: string): string | undefined {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
}

/** Which sources and packages each file of lib/ holds (written by scripts/compile.mjs). */
const bundleContents = () => JSON.parse(fs.readFileSync(path.join(REPO, 'lib/.bundle-contents.json'), 'utf8')) as Record<string, string[]>;

/**
 * Runs `edition …` in the project and returns the npm packages it loaded and the
 * sources (src/…) of the files of lib/ it loaded. The CLI is bundled
 * (scripts/compile.mjs): a file of lib/ holds sources and bundled packages, listed
 * in lib/.bundle-contents.json; packages kept outside the bundle load from node_modules.
 */
function loaded(args: string[]): { packages: Set<string>; own: string[]; files: number; stdout: string } {
  const log = path.join(dir, `modules-${args.join('-').replace(/\W+/g, '_')}.txt`);
  const r = spawnSync(process.execPath, ['--import', RECORDER, BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, EDITION_MODULE_LOG: log, FORCE_COLOR: '0' } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const contents = bundleContents();
  const urls = fs.readFileSync(log, 'utf8').trim().split('\n');
  const packages = new Set<string>();
  const own = new Set<string>();
  for (const url of urls) {
    const external = packageOf(url);
    if (external) {
      packages.add(external);
      continue;
    }
    if (!url.includes('/lib/')) continue;
    const inputs = contents[url.slice(url.lastIndexOf('/lib/') + 5)];
    expect(inputs, `${url} is not listed in lib/.bundle-contents.json`).toBeDefined();
    for (const input of inputs!) {
      const bundled = packageOf(input);
      if (bundled) packages.add(bundled);
      else if (input.startsWith('src/')) own.add(input);
    }
  }
  return { packages, own: [...own], files: urls.filter((u) => u.startsWith('file:')).length, stdout: r.stdout };
}

const none = (packages: Set<string>, names: string[]) => names.filter((n) => packages.has(n));

describe('modules loaded per command', () => {
  it('--version loads no package at all, not even yargs', () => {
    const { packages, own, stdout } = loaded(['--version']);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect([...packages]).toEqual([]);
    expect(own.sort()).toEqual(['src/cli/bin.ts', 'src/cli/version.ts', 'src/util/package-root.ts']);
  });

  it('--help loads yargs only: no schema, YAML, Markdown, EPUB or PDF stack', () => {
    const { packages, stdout } = loaded(['--help']);
    expect(stdout).toContain('edition <command> [options]');
    expect(packages.has('yargs')).toBe(true);
    expect(none(packages, [...INPUT_STACK, ...EPUB_STACK, ...PDF_STACK, ...COVER_STACK, ...PROGRESS])).toEqual([]);
  });

  it('list reads the library but loads neither renderer', () => {
    const { packages, stdout } = loaded(['list']);
    expect(stdout).toContain('lenin-aufruf');
    expect(packages.has('markdown-it')).toBe(true);
    expect(none(packages, [...EPUB_STACK, ...PDF_STACK, ...COVER_STACK, ...PROGRESS, ...TEST_ONLY])).toEqual([]);
  });

  it('build --format epub loads the EPUB stack and the cover\'s, and no part of the PDF stack', () => {
    const { packages, files } = loaded(['build', 'editions/lenin.yaml', '--format', 'epub', '--out', 'epub-only']);
    // Bundled (scripts/compile.mjs): about 120 files, ours and the packages kept outside the bundle; unbundled it was some 640.
    expect(files).toBeLessThan(200);
    expect(none(packages, EPUB_STACK)).toEqual(EPUB_STACK);
    expect(none(packages, COVER_STACK)).toEqual(COVER_STACK);
    expect(none(packages, [...PDF_STACK, ...PROGRESS, ...TEST_ONLY])).toEqual([]);
    expect(javaEpubcheck(path.join(dir, 'epub-only/lenin.epub')).map(formatFinding)).toEqual([]);
  });

  it('a rebuild whose cover comes from the content cache loads neither fontkit nor resvg', () => {
    loaded(['build', 'editions/lenin.yaml', '--format', 'epub', '--out', 'epub-warm']);
    const { packages } = loaded(['build', 'editions/lenin.yaml', '--format', 'epub', '--out', 'epub-warm']);
    expect(none(packages, EPUB_STACK)).toEqual(EPUB_STACK);
    expect(none(packages, COVER_STACK)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'epub-warm/lenin.epub')).equals(fs.readFileSync(path.join(dir, 'epub-only/lenin.epub')))).toBe(true);
  });

  it('the bundle holds the zod validators edition calls, with its English messages only (not its 64 locales)', () => {
    const zod = Object.values(bundleContents()).flat().filter((f) => f.includes('node_modules/zod/'));
    expect(zod.length).toBeGreaterThan(0);
    expect(zod.filter((f) => f.includes('/locales/'))).toEqual(['node_modules/zod/v4/locales/en.js']);
  });

  it('build --format pdf loads the PDF stack and no part of the EPUB stack', () => {
    const { packages } = loaded(['build', 'editions/lenin.yaml', '--format', 'pdf', '--out', 'pdf-only']);
    expect(packages.has('pdfkit')).toBe(true);
    expect(packages.has('fontkit')).toBe(true);
    expect(none(packages, [...EPUB_STACK, ...PROGRESS])).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'pdf-only'))).toEqual(['lenin.pdf']);
  });
});
