import { describe, expect, it } from 'vitest';
import type { FlowLine } from '../../../src/render/pdf/flow.js';
import { textNotes } from '../../../src/render/pdf/notes.js';
import { note, para, text } from '../../helpers/model-builders.js';
import { fixture } from './fixture.js';
import { labelsFor } from './helpers.js';

describe('endnotes', () => {
  const f = fixture();
  const measure = f.style.geometry.measure;

  it('gives a note cited n times n backlinks: its number and ↑2 … ↑n, wrapped inside the measure', () => {
    const t = text({ id: 'probe', notes: [note('a', 1, [para('Eine Anmerkung, die sehr oft zitiert wird.')], 30), note('b', 2, [para('Einmal.')])] });
    const lines = textNotes(t, labelsFor('de'), 1, f.ctx).filter((i): i is FlowLine => i.kind === 'line');
    const frags = lines.flatMap((l) => l.line.frags.map((fr) => ({ ...fr, right: l.x + fr.x + fr.width })));
    const targets = frags.filter((fr) => fr.link?.kind === 'dest').map((fr) => (fr.link as { name: string }).name);
    // Number 1 → reference 1; "↑" and its raised count → references 2 … 30 (two fragments each); note 2 → its reference.
    expect(new Set(targets)).toEqual(new Set([...Array.from({ length: 30 }, (_, i) => `r:probe:1:${i + 1}`), 'r:probe:2:1']));
    expect(frags.filter((fr) => fr.text === '↑')).toHaveLength(29);
    for (const fr of frags) expect(fr.right).toBeLessThanOrEqual(measure + 0.01);
    // The marks took extra lines, which stay one paragraph for widow and orphan control.
    const first = lines.filter((l) => l.line.frags.some((fr) => fr.link && (fr.link as { name: string }).name.startsWith('r:probe:1:')));
    expect(first.length).toBeGreaterThan(1);
    const group = first[0]!.group!;
    first.forEach((l, i) => expect(l.group).toEqual({ id: group.id, index: i, count: first.length }));
  });
});
