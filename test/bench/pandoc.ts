/**
 * The yardstick: pandoc (Markdown → EPUB) and pandoc + pdflatex (Markdown →
 * PDF, A5, German) on the same generated sources, when they are installed.
 * `--file-scope` parses each file on its own, as edition does: every text has
 * its own note labels ([^1] …), which would otherwise collide across texts.
 */
import { spawnSync } from 'node:child_process';

export interface Yardstick {
  pandoc: boolean;
  pdflatex: boolean;
  /** Notes to print: what is missing and what that skips. */
  notes: string[];
}

/** Is `name` on the PATH? (`command -v`, as a shell user would check.) */
export function onPath(name: string): boolean {
  return spawnSync('/bin/sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** What is installed of pandoc and pdflatex, and whether German hyphenation (babel ngerman) is there. */
export function detectYardstick(): Yardstick {
  const notes: string[] = [];
  const pandoc = onPath('pandoc');
  const pdflatex = pandoc && onPath('pdflatex');
  if (!pandoc) notes.push('pandoc is not installed: the pandoc rows are skipped (apt-get install pandoc).');
  else if (!pdflatex) notes.push('pdflatex is not installed: the pandoc + pdflatex rows are skipped (apt-get install texlive-latex-recommended texlive-lang-german).');
  if (pdflatex) {
    // pandoc's LaTeX template loads babel for lang=de; without its German files pdflatex stops or hyphenates wrongly.
    const ldf = spawnSync('kpsewhich', ['ngerman.ldf'], { encoding: 'utf8' });
    if (ldf.status !== 0 || !ldf.stdout.trim()) notes.push('babel ngerman (texlive-lang-german) was not found: pdflatex may fail or hyphenate without German patterns.');
  }
  return { pandoc, pdflatex, notes };
}

/** The pandoc version line, for the table's footer. */
export function pandocVersion(): string {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout.split('\n')[0] ?? 'pandoc') : 'pandoc';
}

/** Markdown → EPUB: the sources in edition order (paths relative to the project root), one book. */
export function pandocEpubArgs(sources: readonly string[], title: string, out: string): string[] {
  return ['pandoc', '--file-scope', '--metadata', `title=${title}`, '--metadata', 'lang=de', ...sources, '-o', out];
}

/** Markdown → PDF through pdflatex, A5 with German hyphenation (what the issue compares against). */
export function pandocPdfArgs(sources: readonly string[], title: string, out: string): string[] {
  return ['pandoc', '--file-scope', '--metadata', `title=${title}`, '-V', 'lang=de', '-V', 'papersize=a5', '--pdf-engine=pdflatex', ...sources, '-o', out];
}
