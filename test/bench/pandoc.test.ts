import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectYardstick, pandocEpubArgs, pandocPdfArgs } from './pandoc.js';

describe('the pandoc command lines', () => {
  const sources = ['sources/b-1.md', 'sources/a-1.md'];
  it('gives the sources in edition order, each parsed on its own', () => {
    expect(pandocEpubArgs(sources, 'Korpus ×1', 'out/x1.epub')).toEqual(['pandoc', '--file-scope', '--metadata', 'title=Korpus ×1', '--metadata', 'lang=de', 'sources/b-1.md', 'sources/a-1.md', '-o', 'out/x1.epub']);
  });
  it('asks pdflatex for German A5', () => {
    const args = pandocPdfArgs(sources, 'K', 'x.pdf');
    expect(args).toEqual(expect.arrayContaining(['-V', 'lang=de', 'papersize=a5', '--pdf-engine=pdflatex']));
    expect(args.slice(-4)).toEqual(['sources/b-1.md', 'sources/a-1.md', '-o', 'x.pdf']);
  });
});

describe('detectYardstick', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });
  /** A PATH holding only executables with these names (shell scripts that succeed). */
  const fakePath = (names: string[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-path-'));
    for (const name of names) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    return dir;
  };
  it('skips both with a note when pandoc is missing', () => {
    process.env.PATH = fakePath([]);
    const y = detectYardstick();
    expect(y).toMatchObject({ pandoc: false, pdflatex: false });
    expect(y.notes.join('\n')).toMatch(/pandoc is not installed/);
  });
  it('skips only the PDF rows when pdflatex is missing', () => {
    process.env.PATH = fakePath(['pandoc']);
    const y = detectYardstick();
    expect(y).toMatchObject({ pandoc: true, pdflatex: false });
    expect(y.notes.join('\n')).toMatch(/pdflatex is not installed/);
  });
  it('notes missing German hyphenation when kpsewhich cannot find babel ngerman', () => {
    // The fake kpsewhich succeeds but finds nothing (prints no path).
    process.env.PATH = fakePath(['pandoc', 'pdflatex', 'kpsewhich']);
    const y = detectYardstick();
    expect(y).toMatchObject({ pandoc: true, pdflatex: true });
    expect(y.notes.join('\n')).toMatch(/babel ngerman/);
  });
});
