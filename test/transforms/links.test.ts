import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/model/messages.js';
import { resolveLinks } from '../../src/transforms/links.js';
import type { Edition } from '../../src/model/types.js';
import { fm, parseString } from '../helpers/parse.js';

function editionOf(...texts: ReturnType<typeof parseString>['text'][]): Edition {
  return { meta: {} as Edition['meta'], parts: [{ texts }] };
}

describe('resolveLinks', () => {
  const a = () => parseString(fm('Siehe [den anderen Text](b.md#h-teil) und [fehlt](c.md).\n', 'id: a\ntitle: A'), { file: '/project/sources/a.md' }).text;
  const b = () => parseString(fm('## Teil\n\nText.\n', 'id: b\ntitle: B'), { file: '/project/sources/b.md' }).text;
  const ids: Record<string, string> = { '/project/sources/a.md': 'a', '/project/sources/b.md': 'b' };

  it('links to a text in the edition, and makes plain text of a file not in the library', () => {
    const ta = a();
    const reporter = new Reporter();
    resolveLinks(editionOf(ta, b()), (f) => ids[f], reporter);
    const para = ta.blocks[0]!;
    expect(para).toMatchObject({ children: [{ type: 'text', value: 'Siehe ' }, { type: 'xref', textId: 'b', fragment: 'h-teil' }, { type: 'text', value: ' und ' }, { type: 'text', value: 'fehlt' }, { type: 'text', value: '.' }] });
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['link-missing-text']);
  });

  it('makes plain text of a link to a text outside the selection', () => {
    const ta = a();
    const reporter = new Reporter();
    resolveLinks(editionOf(ta), (f) => ids[f], reporter);
    expect(JSON.stringify(ta.blocks)).not.toContain('xref');
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['link-outside-edition', 'link-missing-text']);
  });

  it('resolves a fragment that names the heading, and suggests the real anchor for one that does not match', () => {
    const src = parseString(fm('[eins](b.md#Über) und [zwei](<b.md#Über die Lage>) und [drei](b.md#teil)\n', 'id: a\ntitle: A'), { file: '/project/sources/a.md' }).text;
    const target = parseString(fm('## Über die Lage\n\nText.\n\n## Teil\n\nMehr.\n', 'id: b\ntitle: B'), { file: '/project/sources/b.md' }).text;
    const reporter = new Reporter();
    resolveLinks(editionOf(src, target), (f) => ids[f], reporter);
    expect(src.blocks[0]).toMatchObject({
      children: [{ type: 'xref', textId: 'b' }, { type: 'text' }, { type: 'xref', fragment: 'h-ueber-die-lage' }, { type: 'text' }, { type: 'xref', fragment: 'h-teil' }],
    });
    expect((src.blocks[0] as { children: { fragment?: string }[] }).children[0]!.fragment).toBeUndefined();
    expect(reporter.warnings.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      '5:1 text `b` has no heading `#Über` (did you mean `#h-ueber-die-lage`?); the link goes to the start of the text',
    ]);
  });
});
