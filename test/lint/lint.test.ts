import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, lintLibrary } from '../../src/lint/lint.js';
import { lintLine, LINE_RULES } from '../../src/lint/rules.js';
import { RULE_CATALOG } from '../../src/lint/catalog.js';
import { formatMessage } from '../../src/model/messages.js';
import { REPO } from '../cli/helpers.js';

const DIR = path.join(REPO, 'test/fixtures/lint');
const lint = (name: string) => lintFile(path.join(DIR, name), REPO).messages.map((m) => formatMessage({ ...m, file: name }));

describe('line rules', () => {
  it('finds every leftover of raw text at its line and column', () => {
    expect(lint('leftovers.md')).toEqual([
      'leftovers.md:7:21: error: plain note mark `[12]`: write a footnote reference `[^12]` [raw-note-mark]',
      'leftovers.md:7:30: warning: `,,` used as a quotation mark: write „ [raw-double-comma]',
      'leftovers.md:7:37: warning: straight quotation mark `"` in German text: write „…“ [raw-straight-quote]',
      'leftovers.md:8:5: warning: 2 spaces between words: use one [raw-double-space]',
      "leftovers.md:8:31: warning: `')` looks like an OCR'd note mark ¹): make it a footnote reference [raw-ocr-note]",
      'leftovers.md:9:1: error: line holds only no-break spaces: make it empty, or the paragraphs around it merge [raw-nbsp-line]',
    ]);
  });

  it('leaves footnote references, links, HTML attributes and English quotes alone', () => {
    expect(lintLine('Text[^12] und [Link](https://x.org) und [3]: https://x.org', 'de')).toEqual([]);
    expect(lintLine('<span lang="en">word</span>', 'de')).toEqual([]);
    expect(lintLine('He said "yes".', 'en')).toEqual([]);
    expect(lint('clean.md')).toEqual([]);
  });

  it('leaves code spans, addresses and fenced code blocks alone (they are printed as written)', () => {
    expect(lintLine('Code `"here" -- x` und ``a `"b"` c`` und https://x.org/a,,b und <https://x.org/,,>', 'de').map((f) => f.rule.id)).toEqual([]);
    expect(lintLine('Code `"x"` und "y"', 'de').map((f) => [f.rule.id, f.index])).toEqual([['raw-straight-quote', 15], ['raw-straight-quote', 17]]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-'));
    fs.writeFileSync(path.join(dir, 'code.md'), '---\ntitle: Code\n---\n\n```\n"a" -- b,,  [12]\n```\n\n~~~~\n```\n"c"\n~~~~\n\nDanach "d".\n');
    expect(lintFile(path.join(dir, 'code.md'), dir).messages.map((m) => `${m.line}:${m.column} ${m.rule}`)).toEqual([
      '5:1 markdown-code', '9:1 markdown-code', '14:8 raw-straight-quote', '14:10 raw-straight-quote',
    ]);
    fs.rmSync(dir, { recursive: true });
  });

  it('counts columns in characters, not bytes', () => {
    expect(lintLine('Ärger „Über“ [7]', 'de').map((f) => [f.rule.id, f.index])).toEqual([['raw-note-mark', 13]]);
  });

  it('has unique rule ids, all in the catalog', () => {
    const ids = RULE_CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LINE_RULES) expect(ids).toContain(r.id);
  });
});

describe('structural checks', () => {
  it('reports undefined references and unused definitions', () => {
    expect(lint('notes.md')).toEqual([
      'notes.md:6:42: error: note reference [^2] has no definition [note-undefined]',
      'notes.md:10:1: warning: note [^3] is never referenced; it is printed as note 2 without a link [note-unused]',
    ]);
  });

  it('reports front-matter problems at their line', () => {
    expect(lint('frontmatter.md')).toEqual([
      'frontmatter.md:1:1: error: required field `title` is missing [frontmatter-field]',
      'frontmatter.md:2:1: error: `id` must be lowercase letters, digits, ".", "_" or "-" [frontmatter-field]',
      'frontmatter.md:3:1: warning: unknown field `titel` (did you mean `title`?); it is ignored [frontmatter-unknown-field]',
      'frontmatter.md:4:1: error: `date` must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD [frontmatter-field]',
    ]);
  });

  it('finds duplicate ids across files and counts errors and warnings', () => {
    const r = lintLibrary(DIR, { projectRoot: REPO });
    expect(r.files).toBe(6);
    expect(r.messages.filter((m) => m.rule === 'id-duplicate').map((m) => [path.basename(m.file), m.line, m.reason])).toEqual([['dup-b.md', 2, `id \`same\` is already used by ${path.relative(process.cwd(), path.join(DIR, 'dup-a.md'))}`]]);
    expect(r.errors).toBe(r.messages.filter((m) => m.severity === 'error').length);
    expect(r.errors).toBeGreaterThan(0);
  });

  it('finds nothing in the sample library', () => {
    expect(lintLibrary(path.join(REPO, 'sources'), { projectRoot: REPO }).messages).toEqual([]);
  });
});
