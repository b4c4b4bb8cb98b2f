import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, sourceFiles } from '../../src/library/load.js';
import { InputError, Reporter, formatMessage } from '../../src/model/messages.js';
import { FIXTURE_LIBRARY, REPO } from '../cli/helpers.js';

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'library-'));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('loadLibrary', () => {
  it('parses every source once, indexed by id and file, in file-name order', () => {
    const lib = loadLibrary(FIXTURE_LIBRARY, { projectRoot: REPO, reporter: new Reporter() });
    expect(lib.sources.map((s) => s.text.meta.id)).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution', 'trotzki-armee', 'zeitung']);
    expect(lib.byId.get('zeitung')?.text.meta.lang).toBe('de-CH');
    expect(lib.byFile.get(path.join(FIXTURE_LIBRARY, 'zeitung.md'))?.text.meta.id).toBe('zeitung');
    // Notes are numbered once, at load time.
    expect(lib.byId.get('lenin-aufruf')?.text.notes.map((n) => n.number)).toEqual([1]);
  });

  it('collects the errors of every broken file before failing, and skips non-Markdown files with a warning', () => {
    const dir = folder({
      'a.md': '---\ntitle: A\nid: same\n---\n\nText.\n',
      'b.md': '---\ntitle: B\nid: same\n---\n\nText.\n',
      'c.md': 'no front matter\n',
      'notes.txt': 'x',
    });
    const reporter = new Reporter();
    let messages: string[] = [];
    try {
      loadLibrary(dir, { projectRoot: dir, reporter });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      messages = e.messages.map((m) => formatMessage({ ...m, file: path.basename(m.file) }));
    }
    expect(messages).toEqual([
      'c.md:1:1: error: no front matter: a source starts with a `---` line, then at least `title:`, then `---` [frontmatter-missing]',
      `b.md:1:1: error: id \`same\` is already used by ${path.join(dir, 'a.md')} [id-duplicate]`,
    ]);
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['sources-not-markdown']);
  });

  it('says so when the folder does not exist', () => {
    expect(() => sourceFiles('/nonexistent/sources')).toThrow(/sources folder not found/);
  });
});
