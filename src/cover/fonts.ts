/**
 * The cover's fonts: the design's files, opened with fontkit for measuring,
 * and described (family, weight, style) so the SVG names exactly the face
 * resvg is given — resvg picks faces by those three, never by file.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { resolveFontPath } from '../render/pdf/fonts.js';
import type { Template } from '../templates/load.js';
import type { CoverDesign } from './design.js';

const require = createRequire(import.meta.url);
/**
 * fontkit, loaded when a cover is first laid out: loading it (with its
 * Unicode tables and brotli) costs some 50 ms, which a build whose cover
 * comes from the content cache, or that has its own cover image, never needs.
 */
const fontkit = () => require('fontkit') as { create(buffer: Buffer): FontkitFace };

/** The parts of a fontkit face the cover uses. */
export interface FontkitFace {
  familyName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight?: number;
  italicAngle: number;
  'OS/2'?: { usWeightClass?: number };
  layout(text: string): { advanceWidth: number };
  hasGlyphForCodePoint(cp: number): boolean;
}

export interface CoverFont {
  file: string;
  bytes: Buffer;
  face: FontkitFace;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}

/** Opened fonts by file: fontkit parses its layout tables on first use, which costs more than drawing a cover. */
const opened = new Map<string, { bytes: Buffer; face: FontkitFace }>();

function open(file: string): { bytes: Buffer; face: FontkitFace } {
  let font = opened.get(file);
  if (!font) {
    const bytes = fontBytes(file);
    opened.set(file, (font = { bytes, face: fontkit().create(bytes) }));
  }
  return font;
}

/** A font file's bytes, read once per process (the cover's cache key hashes them; drawing opens them). */
const read = new Map<string, Buffer>();
export function fontBytes(file: string): Buffer {
  let bytes = read.get(file);
  if (!bytes) read.set(file, (bytes = fs.readFileSync(file)));
  return bytes;
}

/** The file of every font the design names, by its name in the design (no font is opened). */
export function coverFontFiles(design: CoverDesign, template: Template): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, spec] of Object.entries(design.fonts)) files.set(name, resolveFontPath(spec, template.dir, () => template.coverPositionOf(['fonts', name]), `cover.fonts.${name}`));
  return files;
}

/** Every font the design names, by its name in the design. */
export function loadCoverFonts(design: CoverDesign, template: Template): Map<string, CoverFont> {
  const fonts = new Map<string, CoverFont>();
  for (const [name, file] of coverFontFiles(design, template)) {
    const { bytes, face } = open(file);
    fonts.set(name, { file, bytes, face, family: face.familyName, weight: face['OS/2']?.usWeightClass ?? 400, style: face.italicAngle !== 0 ? 'italic' : 'normal' });
  }
  return fonts;
}
