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
});
