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
  it('refuses a character the font lacks, naming it, the text and the position', async () => {
    const p = para('Zurück ', em('zum Text ↩'), ' und weiter.');
    p.position = { file: '/project/sources/probe.md', line: 7, column: 3 };
    const e = await errorOf(render(edition({ texts: [text({ id: 'probe', blocks: [p] })] })));
    const m = e.messages[0]!;
    expect(m.reason).toContain("U+21A9 '↩'");
    expect(m.reason).toContain('"probe"');
    expect(m.file).toBe('/project/sources/probe.md');
    expect(m.line).toBe(7);
  });

  it('reports a character of a heading once, at the heading, though the contents set it in another face', async () => {
    const h = heading(1, 'h-faust', '✊ Arbeiter');
    h.position = { file: '/project/sources/probe.md', line: 5, column: 1 };
    const e = await errorOf(render(edition({ texts: [text({ id: 'probe', blocks: [h, para('Text.')] })] })));
    expect(e.messages.map((m) => `${m.file}:${m.line}`)).toEqual(['/project/sources/probe.md:5']);
  });

  it('refuses a CJK character in a title', async () => {
    const e = await errorOf(render(edition({ texts: [text({ title: 'Mao 毛', blocks: [para('Text.')] })] })));
    expect(e.message).toContain('U+6BDB');
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
