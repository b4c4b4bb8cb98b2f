/**
 * The cover's texts placed: each slot of the design fitted into its box on a
 * trim of any size (1600 × 2560 px for the ebook, the book's trim in pt for
 * print). The SVG template receives lines with their baselines and draws them.
 */
import type { CoverDesign, SlotDesign, SlotName } from './design.js';
import type { CoverFont } from './fonts.js';
import { blockHeight, fitText, measure } from './fit.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLine {
  text: string;
  /** Anchor point (left, centre or right of the line, per `anchor`) and baseline. */
  x: number;
  y: number;
}

export interface PlacedSlot {
  lines: PlacedLine[];
  size: number;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  fill: string;
  /** SVG text-anchor for the slot's alignment. */
  anchor: 'start' | 'middle' | 'end';
  /** Letter spacing in the canvas's units. */
  letterSpacing: number;
  /** The box the slot was fitted into, and the block its lines fill (for rules and ornaments in the SVG). */
  box: Rect;
  block: Rect;
}

export type CoverTexts = Partial<Record<SlotName, string>>;

/** Places every slot that has a text; returns the slots and the names of those that had to be cut. */
export function layoutCover(design: CoverDesign, fonts: Map<string, CoverFont>, texts: CoverTexts, trim: Rect, lang: string): { slots: Partial<Record<SlotName, PlacedSlot>>; truncated: SlotName[] } {
  const slots: Partial<Record<SlotName, PlacedSlot>> = {};
  const truncated: SlotName[] = [];
  for (const [name, slot] of Object.entries(design.slots) as [SlotName, SlotDesign | undefined][]) {
    const text = texts[name]?.trim();
    if (!slot || !text) continue;
    const font = fonts.get(slot.font)!;
    const placed = placeSlot(slot, font, slot.uppercase ? text.toLocaleUpperCase(lang) : text, trim, lang, design.colors[slot.color]!);
    if (placed.truncated) truncated.push(name);
    slots[name] = placed.slot;
  }
  return { slots, truncated };
}

function placeSlot(slot: SlotDesign, font: CoverFont, text: string, trim: Rect, lang: string, fill: string): { slot: PlacedSlot; truncated: boolean } {
  const [bx, by, bw, bh] = slot.box;
  const box = { x: trim.x + bx * trim.width, y: trim.y + by * trim.height, width: bw * trim.width, height: bh * trim.height };
  const size = slot.size * trim.width;
  const fitted = fitText({ text, face: font.face, size, minSize: (slot.minSize ?? slot.size) * trim.width, leading: slot.leading, letterSpacing: slot.letterSpacing, width: box.width, height: box.height, maxLines: slot.maxLines, lang });
  const s = fitted.size;
  const height = blockHeight(font.face, fitted.lines.length, s, slot.leading);
  const top = slot.valign === 'top' ? box.y : slot.valign === 'bottom' ? box.y + box.height - height : box.y + (box.height - height) / 2;
  const ascent = (font.face.ascent / font.face.unitsPerEm) * s;
  const x = slot.align === 'left' ? box.x : slot.align === 'right' ? box.x + box.width : box.x + box.width / 2;
  const widest = Math.max(...fitted.lines.map((l) => measure(font.face, l, s, slot.letterSpacing)));
  const blockX = slot.align === 'left' ? box.x : slot.align === 'right' ? box.x + box.width - widest : box.x + (box.width - widest) / 2;
  // SVG letter-spacing also follows the last letter; a centred line is shifted back by half of it.
  const spacing = slot.letterSpacing * s;
  const shift = slot.align === 'center' ? spacing / 2 : slot.align === 'right' ? spacing : 0;
  return {
    truncated: fitted.truncated,
    slot: {
      lines: fitted.lines.map((line, i) => ({ text: line, x: round(x + shift), y: round(top + ascent + i * slot.leading * s) })),
      size: round(s),
      family: font.family,
      weight: font.weight,
      style: font.style,
      fill,
      anchor: slot.align === 'left' ? 'start' : slot.align === 'right' ? 'end' : 'middle',
      letterSpacing: round(spacing),
      box: roundRect(box),
      block: roundRect({ x: blockX, y: top, width: widest, height }),
    },
  };
}

/** Two decimals: enough for 1/100 px or pt, and the SVG stays the same across platforms' float printing. */
const round = (n: number) => Math.round(n * 100) / 100;
const roundRect = (r: Rect): Rect => ({ x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) });
