/**
 * Size: a 10 MB source (German-like prose with footnotes) builds within a
 * 1 GB heap, and a text with 1,000 notes keeps every note and every link
 * between reference and note.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TempProject, germanProse, manifest, source } from '../helpers/project.js';
import { formatFinding, readEpub } from '../helpers/validators.js';

const projects: TempProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

describe('scale', () => {
  it('a 10 MB source builds (EPUB) with --max-old-space-size=1024', async () => {
    const { body, notes } = germanProse({ bytes: 10 * 1024 * 1024, notesEvery: 8 });
    const p = new TempProject({
      'sources/gross.md': source({ title: 'Ein sehr großer Text', author: 'Niemand' }, body),
      'editions/gross.yaml': manifest({ title: 'Groß', texts: ['gross'] }),
    });
    projects.push(p);
    const r = await p.run(['build', '--format', 'epub'], { env: { NODE_OPTIONS: '--max-old-space-size=1024' }, timeoutMs: 240_000 });
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    const book = await readEpub(p.read('dist/gross.epub'));
    expect(book.findings.map(formatFinding)).toEqual([]);
    const doc = book.documents.get('OEBPS/text-gross.xhtml')!;
    expect(Array.from(doc.getElementsByTagName('li')).filter((li) => li.getAttribute('epub:type') === 'endnote')).toHaveLength(notes);
  }, 300_000);

  it('1,000 notes in one text: all printed, every reference and backlink resolves', async () => {
    const paragraphs = Array.from({ length: 1000 }, (_, i) => `Satz ${i + 1} über die Räte und das Land.[^n${i + 1}]`);
    const defs = Array.from({ length: 1000 }, (_, i) => `[^n${i + 1}]: Anmerkung Nummer ${i + 1}.`);
    const p = new TempProject({
      'sources/noten.md': source({ title: 'Tausend Noten' }, `${paragraphs.join('\n\n')}\n\n${defs.join('\n')}\n`),
      'editions/noten.yaml': manifest({ title: 'Noten', texts: ['noten'] }),
    });
    projects.push(p);
    const r = await p.run(['build']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const book = await readEpub(p.read('dist/noten.epub'));
    // readEpub resolves every internal link (file and fragment) of every content document.
    expect(book.findings.map(formatFinding)).toEqual([]);
    const doc = book.documents.get('OEBPS/text-noten.xhtml')!;
    const anchors = Array.from(doc.getElementsByTagName('a'));
    const refs = anchors.filter((a) => a.getAttribute('epub:type') === 'noteref');
    const notes = Array.from(doc.getElementsByTagName('li')).filter((li) => li.getAttribute('epub:type') === 'endnote');
    expect(refs).toHaveLength(1000);
    expect(notes).toHaveLength(1000);
    // Reference i points at note i, whose text is "Anmerkung Nummer i" and whose backlink returns to reference i.
    notes.forEach((note, i) => {
      const ref = refs[i]!;
      expect(ref.getAttribute('href')).toBe(`#${note.getAttribute('id')}`);
      expect(note.textContent?.replace(/[\u00a0\u202f]/g, ' ')).toContain(`Anmerkung Nummer ${i + 1}.`);
      const back = Array.from(note.getElementsByTagName('a')).filter((a) => a.getAttribute('role') === 'doc-backlink');
      expect(back.map((a) => a.getAttribute('href'))).toEqual([`#${ref.getAttribute('id')}`]);
    });
  });
});
