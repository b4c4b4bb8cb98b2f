import { describe, expect, it } from 'vitest';
import { layoutBlocks, bodyEnv } from '../../../src/render/pdf/blocks.js';
import type { FlowItem, FlowLine } from '../../../src/render/pdf/flow.js';
import { heading, para, text } from '../../helpers/model-builders.js';
import { fixture } from './fixture.js';

describe('headings', () => {
  for (const template of ['buch', 'a4']) {
    it(`gives every level from 1 to 4 a look of its own (${template})`, () => {
      const f = fixture(undefined, template);
      const t = text({ blocks: [1, 2, 3, 4].flatMap((d) => [heading(d, `h${d}`, `Überschrift ${d}`), para('Text darunter.')]) });
      const out: FlowItem[] = [];
      layoutBlocks(t.blocks, bodyEnv(f.ctx, t), f.ctx, out);
      const looks = [1, 2, 3, 4].map((d) => {
        const line = out.find((i): i is FlowLine => i.kind === 'line' && i.line.frags[0]?.text === 'Überschrift')!;
        out.splice(out.indexOf(line), 1);
        const fr = line.line.frags[0]!;
        return `${fr.face.key} ${fr.size}`;
      });
      // ### and #### (and every other pair of levels) differ in face or size.
      expect(new Set(looks).size, looks.join(' | ')).toBe(4);
    });
  }
});
