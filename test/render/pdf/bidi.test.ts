import { describe, expect, it } from 'vitest';
import { reorderLine } from '../../../src/render/pdf/bidi.js';
import type { Frag } from '../../../src/render/pdf/linebreak.js';
import type { Face } from '../../../src/render/pdf/fonts.js';

const face = {} as Face;
/** Words of 10 pt width each (the text length decides nothing here), separated by 3 pt spaces. */
function line(words: string[], gap = 3): Frag[] {
  let x = 0;
  return words.map((text) => {
    const f: Frag = { text, face, size: 10, rise: 0, x, width: 10, scale: 1 };
    x += 10 + gap;
    return f;
  });
}
/** The words from left to right on the page. */
const visual = (frags: Frag[]) => [...frags].sort((a, b) => a.x - b.x).map((f) => f.text);

describe('bidi', () => {
  it('leaves a line without right-to-left letters alone', () => {
    const frags = line(['Der', 'Gruß', 'steht']);
    reorderLine(frags);
    expect(frags.map((f) => f.x)).toEqual([0, 13, 26]);
  });

  it('sets Hebrew words of a German line right to left, the German around them unmoved', () => {
    const frags = line(['Der', 'Gruß', 'שלום', 'עולם', 'steht', 'da.']);
    reorderLine(frags);
    expect(visual(frags)).toEqual(['Der', 'Gruß', 'עולם', 'שלום', 'steht', 'da.']);
    expect(frags.map((f) => f.x).sort((a, b) => a - b)).toEqual([0, 13, 26, 39, 52, 65]);
  });

  it('keeps numbers inside Arabic text left to right, and the Arabic words right to left', () => {
    const frags = line(['Jahr', 'مرحبا', '1917', 'بكم', 'Ende']);
    reorderLine(frags);
    expect(visual(frags)).toEqual(['Jahr', 'بكم', '1917', 'مرحبا', 'Ende']);
  });

  it('keeps the gaps: a piece glued to a word stays glued after reordering', () => {
    // Two Hebrew pieces without a space between them (as where a run changes face inside a word).
    const frags = line(['Gruß', 'שלום', 'עולם', 'x']);
    frags[2]!.x = frags[1]!.x + frags[1]!.width; // glued, no space between the two Hebrew pieces
    frags[3]!.x = frags[2]!.x + frags[2]!.width + 3;
    reorderLine(frags);
    const byText = Object.fromEntries(frags.map((f) => [f.text, f.x]));
    expect(byText['עולם']! + 10).toBe(byText['שלום']);
    expect(byText['x']).toBe(36);
  });

  it('mirrors brackets inside a right-to-left run', () => {
    const frags = line(['a', 'שלום', '(', 'עולם', ')', 'סוף', 'b']);
    reorderLine(frags);
    expect(visual(frags)).toEqual(['a', 'סוף', '(', 'עולם', ')', 'שלום', 'b']);
  });
});

describe('bidi: Arabic-Indic digits', () => {
  it('hands digits to fontkit reversed (it lays out Arabic script right to left), words around them in visual order', () => {
    const frags = line(['Jahr', 'في', '١٩١٧', 'Ende']);
    reorderLine(frags);
    expect(visual(frags)).toEqual(['Jahr', '٧١٩١', 'في', 'Ende']);
  });
});
