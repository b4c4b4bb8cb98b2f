import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import.js';
import { TempProject } from '../helpers/project.js';

function importMd(md: string, flags = {}) {
  const p = new TempProject();
  try {
    return importFiles({ files: [p.write('t.md', md)], flags: { title: 'T', ...flags } });
  } finally {
    p.remove();
  }
}

describe('Markdown import', () => {
  it('normalises footnote labels and keeps multi-paragraph footnotes', () => {
    const { markdown } = importMd('Text[^ a b ].\n\n[^ a b ]: Note\ncontinued.\n\n    Second paragraph.\n');
    expect(markdown).toContain('Text[^a-b].\n\n[^a-b]: Note continued.\n\n    Second paragraph.\n');
  });
  it('turns a reference without a definition into visible text, with a doubt', () => {
    const { markdown, report } = importMd('Text[^x].\n');
    expect(markdown).toContain('Text\\[x\\].');
    expect(report.doubts).toMatchObject([{ rule: 'note-missing', line: 1 }]);
  });
  it('links [n] marks to a notes list under a heading', () => {
    const { markdown } = importMd('Eins [1], zwei [2].\n\n## Anmerkungen\n\n[1] Erste.\n\n[2] Zweite.\n\nNoch zur zweiten.\n');
    expect(markdown).toContain('Eins[^1], zwei[^2].\n\n[^1]: Erste.\n\n[^2]: Zweite.\n\n    Noch zur zweiten.');
  });
  it('takes a note typed right under its paragraph, also as "[n]: …"', () => {
    const { markdown, report } = importMd('Absatz mit Marke [1].\n[1]: Die Note.\n\nZweiter [2].\n\n[2] Zweite Note.\n');
    expect(markdown).toContain('Absatz mit Marke[^1].\n\nZweiter[^2].\n\n[^1]: Die Note.\n\n[^2]: Zweite Note.\n');
    expect(report.counts.get('notes-interleaved')).toBe(2);
  });
  it('reads a numbered list under the notes heading as the notes, whatever the marks look like', () => {
    const { markdown } = importMd('Text¹ und mehr [2].\n\n## Anmerkungen\n\n1. Erste Note.\n2. Zweite\n   Note.\n');
    expect(markdown).toContain('Text[^1] und mehr[^2].\n\n[^1]: Erste Note.\n\n[^2]: Zweite Note.\n');
  });
  it('keeps hard-broken lines as verse and leaves code and link targets alone', () => {
    const { markdown } = importMd('Erste Zeile\\\nzweite Zeile\n\nSiehe [den "Text"](https://example.org/"x") und `"code"`.\n');
    expect(markdown).toContain('> Erste Zeile\\\n> zweite Zeile');
    expect(markdown).toContain('Siehe [den „Text“](https://example.org/"x") und `"code"`.');
  });
  it('uses a front matter title of the raw file', () => {
    const p = new TempProject();
    try {
      const { markdown } = importFiles({ files: [p.write('t.md', '---\ntitle: Aus dem Kopf\n---\nText.\n')] });
      expect(markdown).toMatch(/^title: "Aus dem Kopf"$/m);
    } finally {
      p.remove();
    }
  });
});
