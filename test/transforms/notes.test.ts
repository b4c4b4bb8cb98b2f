import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/model/messages.js';
import { fm, parseString } from '../helpers/parse.js';
import { forEachInline } from '../../src/model/walk.js';
import type { NoteRef, Text } from '../../src/model/types.js';

const refs = (text: Text): NoteRef[] => {
  const out: NoteRef[] = [];
  forEachInline(text.blocks, (n) => void (n.type === 'noteRef' && out.push(n)));
  for (const note of text.notes) forEachInline(note.blocks, (n) => void (n.type === 'noteRef' && out.push(n)));
  return out;
};

describe('numberNotes', () => {
  it('numbers by first reference, not by label or definition order', () => {
    const { text } = parseString(fm('B[^b] A[^a] C[^z].\n\n[^a]: a\n[^z]: z\n[^b]: b\n'));
    expect(text.notes.map((n) => [n.label, n.number])).toEqual([['b', 1], ['a', 2], ['z', 3]]);
  });

  it('keeps one number for a note referenced twice and counts occurrences for backlinks', () => {
    const { text } = parseString(fm('X[^1] Y[^1] Z[^2].\n\n[^1]: eins\n[^2]: zwei\n'));
    expect(text.notes.map((n) => [n.number, n.references])).toEqual([[1, 2], [2, 1]]);
    expect(refs(text).map((r) => [r.label, r.occurrence])).toEqual([['1', 1], ['1', 2], ['2', 1]]);
  });

  it('follows a reference inside a note to another note', () => {
    const { text } = parseString(fm('X[^1].\n\n[^1]: Siehe auch[^2].\n[^2]: Die andere.\n'));
    expect(text.notes.map((n) => [n.label, n.number, n.references])).toEqual([['1', 1, 1], ['2', 2, 1]]);
  });

  it('prints an unused definition last, with a warning at its line', () => {
    const { text, reporter } = parseString(fm('X[^1].\n\n[^1]: eins\n\n[^lost]: verloren\n'));
    expect(text.notes.map((n) => [n.label, n.number, n.references])).toEqual([['1', 1, 1], ['lost', 2, 0]]);
    expect(reporter.warnings.map(formatMessage)).toEqual(['/project/sources/probe.md:8:1: warning: note [^lost] is never referenced; it is printed as note 2 without a link [note-unused]']);
  });

  it('accepts notes listed as unanchored without a warning', () => {
    const { text, reporter } = parseString(fm('Fragment.\n\n[^1]: eins\n[^2]: zwei\n', 'title: T\nunanchored-notes: ["1", 2]'));
    expect(text.notes.map((n) => n.number)).toEqual([1, 2]);
    expect(reporter.messages).toEqual([]);
  });

  it('numbers 1,000 notes in a linear pass', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `Satz ${i}[^${i}].`).join(' ');
    const defs = Array.from({ length: 1000 }, (_, i) => `[^${i}]: Anmerkung ${i}.`).join('\n');
    const { text } = parseString(fm(`${body}\n\n${defs}\n`));
    expect(text.notes).toHaveLength(1000);
    expect(text.notes[999]).toMatchObject({ label: '999', number: 1000, references: 1 });
  });
});
