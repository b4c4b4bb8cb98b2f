import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/import/import.js';
import { TempProject } from '../../helpers/project.js';

function importText(text: string | Uint8Array, flags = {}) {
  const p = new TempProject();
  try {
    return importFiles({ files: [p.write('raw.txt', text)], flags: { title: 'T', ...flags } });
  } finally {
    p.remove();
  }
}
const body = (md: string) => md.replace(/^---\n[\s\S]*?\n---\n\n/, '');

describe('plain text import', () => {
  it('finds numbered section titles and short title lines as headings, not sentences', () => {
    const { markdown } = importText('Einleitender Absatz, der lang genug ist, um keiner zu sein.\n\n1. Die Lage im Winter\n\nText.\n\nStreng vertraulich.\n\nDer Ausweg\n\nMehr Text.\n');
    expect(body(markdown)).toBe('Einleitender Absatz, der lang genug ist, um keiner zu sein.\n\n## 1. Die Lage im Winter\n\nText.\n\nStreng vertraulich.\n\n## Der Ausweg\n\nMehr Text.\n');
  });
  it('links (n) marks to a trailing list of (n) notes', () => {
    const { markdown, report } = importText('Ein Satz (1) und noch einer (2).\n\nZweiter Absatz.\n\n(1) Erste Note.\n\n(2) Zweite Note.\n');
    expect(body(markdown)).toBe('Ein Satz[^1] und noch einer[^2].\n\nZweiter Absatz.\n\n[^1]: Erste Note.\n\n[^2]: Zweite Note.\n');
    expect(report.counts.get('notes-linked')).toBe(2);
  });
  it('reads Windows-1252 (with a warning) and Latin-1', () => {
    const { markdown, report } = importText(new Uint8Array([0x84, 0x46, 0xfc, 0x72, 0x93, 0x20, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x2e, 0x0a]));
    expect(body(markdown)).toBe('„Für“ Straße.\n');
    expect(report.doubts).toMatchObject([{ rule: 'import-encoding', line: 1 }]);
  });
  it('turns a line of only no-break spaces into a paragraph break', () => {
    const { markdown, report } = importText('Erster Absatz.\u00a0\n\u00a0\nZweiter Absatz.\n');
    expect(body(markdown)).toBe('Erster Absatz.\n\nZweiter Absatz.\n');
    expect(report.counts.get('nbsp-spaces')).toBe(2);
  });
});
