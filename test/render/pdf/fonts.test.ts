import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/messages.js';
import { edition, heading, para, text, em } from '../../helpers/model-builders.js';
import { pdfConfig, render } from './helpers.js';

async function errorOf(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('fonts', () => {
  it('refuses a character no font of the chain has, naming it, the text and the position', async () => {
    // Cuneiform: neither Source Serif nor any font of the default fallback chain has it.
    const p = para('Zurück ', em('zum Text 𒀀'), ' und weiter.');
    p.position = { file: '/project/sources/probe.md', line: 7, column: 3 };
    const e = await errorOf(render(edition({ texts: [text({ id: 'probe', blocks: [p] })] })));
    const m = e.messages[0]!;
    expect(m.reason).toContain("U+12000 '𒀀'");
    expect(m.reason).toContain('fallback');
    expect(m.reason).toContain('"probe"');
    expect(m.file).toBe('/project/sources/probe.md');
    expect(m.line).toBe(7);
  });

  it('reports a character of a heading once, at the heading, though the contents set it in another face', async () => {
    const h = heading(1, 'h-keil', '𒀀 Arbeiter');
    h.position = { file: '/project/sources/probe.md', line: 5, column: 1 };
    const e = await errorOf(render(edition({ texts: [text({ id: 'probe', blocks: [h, para('Text.')] })] })));
    expect(e.messages.map((m) => `${m.file}:${m.line}`)).toEqual(['/project/sources/probe.md:5']);
  });

  it('refuses a character no font has in a title', async () => {
    const e = await errorOf(render(edition({ texts: [text({ title: 'Keil 𒀁', blocks: [para('Text.')] })] })));
    expect(e.message).toContain('U+12001');
  });

  it('sets characters the text face lacks from the fallback chain: ↩, ✊, a CJK title', async () => {
    const out = await render(edition({ texts: [text({ title: 'Mao 毛', blocks: [para('Zurück ', em('zum Text ↩'), ' und ✊ weiter.')] })] }));
    expect(out.pages).toBeGreaterThan(0);
  });

  it('without a fallback chain, a character the text face lacks is an error again', async () => {
    const c = structuredClone(pdfConfig()) as Record<string, any>;
    c.fonts.fallback = [];
    const e = await errorOf(render(edition({ texts: [text({ blocks: [para('Mao 毛.')] })] }), c));
    expect(e.message).toContain('U+6BDB');
  });

  it('names the pdf.yaml key of a fallback font that is missing', async () => {
    const c = structuredClone(pdfConfig()) as Record<string, any>;
    c.fonts.fallback = ['fonts/none.ttf'];
    const e = await errorOf(render(edition({ texts: [text({ blocks: [para('Text.')] })] }), c));
    expect(e.message).toContain('fonts.fallback.0');
    expect(e.message).toContain('fonts/none.ttf');
  });

  it('refuses a fallback entry of the wrong shape, naming the key', async () => {
    const c = structuredClone(pdfConfig()) as Record<string, any>;
    c.fonts.fallback = [{ regular: 'a.ttf', italic: 'b.ttf' }];
    const e = await errorOf(render(edition({ texts: [text({ blocks: [para('Text.')] })] }), c));
    expect(e.message).toContain('fonts.fallback.0');
  });

  it('names pdf.yaml and the path of a missing font file', async () => {
    const c = structuredClone(pdfConfig()) as Record<string, any>;
    c.fonts.serif.italic = 'fonts/missing.ttf';
    const e = await errorOf(render(edition({ texts: [text({ blocks: [para('Text.')] })] }), c));
    expect(e.messages[0]!.file).toMatch(/templates\/buch\/pdf\.yaml$/);
    expect(e.message).toContain('fonts.serif.italic');
    expect(e.message).toContain('fonts/missing.ttf');
  });
});
