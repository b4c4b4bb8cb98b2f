import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/model/types.js';
import type { XhtmlContext } from '../../../src/render/xhtml/context.js';
import { inlinesToXhtml } from '../../../src/render/xhtml/inline.js';

const ctx = { textId: 'a', lang: 'de', notes: new Map(), notesFile: 'text-a.xhtml', currentFile: 'text-a.xhtml', fileOfText: (id: string) => `text-${id}.xhtml`, imageHref: (s: string) => s } as unknown as XhtmlContext;
const t = (value: string, verbatim?: boolean): Inline => ({ type: 'text', value, ...(verbatim ? { verbatim } : {}) });

describe('inline handlers for raw-HTML semantics and code', () => {
  it('writes cite, u, s and code, escaping their text', () => {
    expect(inlinesToXhtml([{ type: 'cite', children: [t('Was tun?')] }, { type: 'underline', children: [t('u')] }, { type: 'strikethrough', children: [t('s')] }, { type: 'code', children: [t('"a" < b', true)] }], ctx)).toBe(
      '<cite>Was tun?</cite><u>u</u><s>s</s><code>&quot;a&quot; &lt; b</code>',
    );
  });

  it('keeps an abbreviation’s title as an escaped attribute', () => {
    expect(inlinesToXhtml([{ type: 'abbreviation', title: 'A "B" & C', children: [t('ABC')] }], ctx)).toBe('<abbr title="A &quot;B&quot; &amp; C">ABC</abbr>');
  });

  it('falls back to <q> for a quotation the typography step has not resolved', () => {
    expect(inlinesToXhtml([{ type: 'quote', children: [t('ja')] }], ctx)).toBe('<q>ja</q>');
  });
});
