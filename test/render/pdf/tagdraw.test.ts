/**
 * Drawing with tags (tagdraw.ts): what a screen reader and pdf.js get from
 * the rendered PDF — headings and paragraphs in order, every piece of page
 * content either tagged or an artifact, each link a Link element holding its
 * annotation on the right page, and running heads and leaders left out.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { edition, heading, note, noteRef, para, str, text } from '../../helpers/model-builders.js';
import { isElement, ofType, readStructure, type ObjRef } from '../../helpers/pdf-struct.js';
import { render } from './helpers.js';

const words = (n: number, w: string): string => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

interface PdfjsNode {
  role?: string;
  type?: string;
  id?: string;
  children?: PdfjsNode[];
}

/** pdf.js's view: per page, the structure elements with their text, walked in order. */
async function pdfjsOutline(bytes: Buffer, roles: string[]): Promise<{ role: string; text: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const out: { role: string; text: string }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tree = (await page.getStructTree()) as PdfjsNode | null;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    let open: string | null = null;
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps') open = item.id ?? null;
      else if (item.type === 'endMarkedContent') open = null;
      else if (item.str !== undefined && open) byId.set(open, (byId.get(open) ?? '') + item.str);
    }
    const textOf = (n: PdfjsNode): string => (n.children ?? []).map((c) => (c.type === 'content' ? (byId.get(c.id!) ?? '') : textOf(c))).join('');
    const walk = (n: PdfjsNode): void => {
      if (n.role && roles.includes(n.role)) out.push({ role: n.role, text: textOf(n) });
      for (const c of n.children ?? []) walk(c);
    };
    if (tree) walk(tree);
  }
  await doc.destroy();
  return out;
}

describe('tagged drawing', () => {
  const e = edition({
    texts: [
      text({
        id: 'eins',
        title: 'Erster Text',
        blocks: [para(str('Anfang'), noteRef('n')), heading(1, 'a', str('Kapitel A')), para(str(words(300, 'a'))), heading(1, 'b', str('Kapitel B')), para(str('Schluss'), noteRef('n', 2))],
        notes: [note('n', 1, [para(str('Die Anmerkung.'))], 2)],
      }),
      text({ id: 'zwei', title: 'Zweiter Text', blocks: [heading(2, 'c', str('Kapitel C')), para(str('Ende.'))] }),
    ],
  });

  it('pdf.js reads the headings and paragraphs in order', async () => {
    const { bytes } = await render(e);
    const seq = await pdfjsOutline(bytes, ['H1', 'H2', 'H3', 'P']);
    const headings = seq.filter((s) => s.role.startsWith('H')).map((s) => `${s.role} ${s.text}`);
    // Contents heading, the first text with its notes section, the second text (H1 = text title).
    expect(headings).toEqual(['H1 Inhalt', 'H1 Erster Text', 'H2 Kapitel A', 'H2 Kapitel B', 'H2 Anmerkungen', 'H1 Zweiter Text', 'H3 Kapitel C']);
    const body = seq.filter((s) => s.role === 'P').map((s) => s.text.trim());
    const at = (prefix: string): number => body.findIndex((t) => t.startsWith(prefix));
    expect(at('Anfang')).toBeGreaterThanOrEqual(0);
    expect(at('Anfang')).toBeLessThan(at('a0 a1'));
    expect(at('a0 a1')).toBeLessThan(at('Schluss'));
    expect(at('Schluss')).toBeLessThan(at('Die Anmerkung'));
    expect(at('Die Anmerkung')).toBeLessThan(at('Ende.'));
    // The running heads (book title on left pages) are artifacts: the title is text only on the half-title and title page.
    expect(seq.filter((s) => s.text.includes('Probebuch'))).toHaveLength(2);
  }, 30_000);

  it('makes each link a Link element holding its annotation (OBJR) on the annotation’s own page, with /Tabs /S', async () => {
    const { bytes } = await render(e);
    const s = readStructure(bytes);
    const links = ofType(s.root, 'Link');
    // Two references, the note number, one backlink (↑2), contents entries.
    const objrs = links.flatMap((l) => l.kids.filter((k): k is ObjRef => 'annot' in k));
    expect(objrs).toHaveLength(links.length);
    expect(objrs).toHaveLength(s.annotPage.size);
    for (const o of objrs) expect(o.page, o.annot).toBe(s.annotPage.get(o.annot));
    // Each annotation is described (PDF/UA): by the words it covers.
    expect(s.annotContents.size).toBe(s.annotPage.size);
    expect([...s.annotContents.values()]).toContain('Kapitel A');
    // Within the book, a Link sits in a Reference.
    expect(ofType(s.root, 'Reference').every((r) => r.kids.filter(isElement).every((k) => k.type === 'Link'))).toBe(true);
    expect(ofType(s.root, 'Note')[0]!.kids.filter(isElement).map((k) => k.type)).toEqual(['Lbl', 'P']);
    expect(ofType(ofType(s.root, 'Note')[0]!, 'Link')).toHaveLength(2); // number and ↑2
    expect(ofType(s.root, 'TOCI')).toHaveLength(5); // two texts, their headings of depth 1, the notes
    expect(s.tabs.length).toBeGreaterThan(0);
    expect(s.tabs.every((t) => t === '/S')).toBe(true);
  }, 30_000);

  it('leaves no page content outside marked content (tagged or artifact)', async () => {
    const { bytes } = await render(e);
    const dir = mkdtempSync(path.join(tmpdir(), 'tagdraw-'));
    try {
      writeFileSync(path.join(dir, 'in.pdf'), bytes);
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join(dir, 'in.pdf'), path.join(dir, 'q.pdf')]);
      const q = execFileSync('cat', [path.join(dir, 'q.pdf')], { maxBuffer: 1 << 28 }).toString('latin1');
      const streams = [...q.matchAll(/%% Contents for page \d+\n[\s\S]*?stream\n([\s\S]*?)endstream/g)].map((m) => m[1]!);
      expect(streams.length).toBeGreaterThan(5);
      let painted = 0;
      let outside = 0;
      for (const st of streams) {
        let depth = 0;
        for (const op of st.split('\n').map((l) => l.trim())) {
          if (/B(D|M)C$/.test(op)) depth++;
          else if (op === 'EMC') depth--;
          else if (/(Tj|TJ|Do|\bf)$/.test(op)) {
            painted++;
            if (depth === 0) outside++;
          }
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
      }
      expect(painted).toBeGreaterThan(100);
      expect(outside).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
