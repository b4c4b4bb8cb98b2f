/**
 * The cover drawn from the template: its design data (template.yaml `cover`)
 * laid out for a given trim, its cover/cover.svg.ejs filled with the placed
 * texts, and the SVG rasterised by resvg with the design's own font files
 * (never the system's, so the bytes are the same on every machine).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { Edition } from '../model/types.js';
import { Reporter as LocalReporter, type Message, type Reporter } from '../model/messages.js';
import type { ContentCache } from '../cache/types.js';
import { cacheKey } from '../cache/key.js';
import { dependencyVersion } from '../util/package-root.js';
import { BUILTIN_TEMPLATES, loadTemplate, type Template } from '../templates/load.js';
import { bookAuthors, creditsOf } from '../model/credits.js';
import { checkImage } from '../parse/image.js';
import { fail } from '../model/messages.js';
import { coverDesign, type CoverDesign } from './design.js';
import { coverFontFiles, fontBytes, loadCoverFonts, type CoverFont } from './fonts.js';
import { layoutCover, type CoverTexts, type PlacedSlot, type Rect } from './layout.js';

const require = createRequire(import.meta.url);
/** resvg's binding, loaded on the first drawing: a build whose cover comes from the content cache never needs it (about 15 ms). */
const resvg = () => require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
/** ejs, loaded on the first cover drawn. */
const ejs = () => require('ejs') as { render(template: string, data: object, options?: object): string };

/** Kindle's ideal ebook cover (1.6 : 1); see src/cover/own.ts for the shops' figures. */
export const EBOOK_COVER = { width: 1600, height: 2560 } as const;

export const COVER_SVG = 'cover/cover.svg.ejs';

/** What the cover says: from the edition's metadata, with the template's words for "edited by". */
export function coverTexts(edition: Edition, template: Template): CoverTexts {
  const { meta } = edition;
  const credits = creditsOf(edition);
  const authors = bookAuthors(credits);
  const editors = credits.creators.filter((c) => c.role === 'edt').map((c) => c.name);
  const byLine = authors.length ? authors.join(', ') : editors.length ? `${template.labelsFor(meta.lang).editedBy} ${editors.join(', ')}` : '';
  return { title: meta.title, subtitle: meta.subtitle ?? '', authors: byLine, publisher: meta.publisher ?? '', series: meta.series ?? '' };
}

/** The template whose cover design is drawn: its own, or buch's for a template copied before covers existed. */
function designTemplate(template: Template): Template {
  return template.coverConfig === undefined ? loadTemplate('buch', path.dirname(BUILTIN_TEMPLATES)) : template;
}

/** A design with its fonts, ready to draw at any size. */
export interface CoverKit {
  design: CoverDesign;
  fonts: Map<string, CoverFont>;
  svgTemplate: string;
  svgFile: string;
  /** The design's image as a data: URL, or '' (resvg reads no files by itself here). */
  image: string;
}

/**
 * The design of a template, ready to draw. A template with no cover section
 * anywhere in its `extends` chain (one copied before covers existed) draws
 * the built-in `buch` cover rather than failing its build.
 */
export function coverKit(template: Template): CoverKit {
  template = designTemplate(template);
  const design = coverDesign(template);
  const fonts = loadCoverFonts(design, template);
  const svgFile = template.file(COVER_SVG);
  let image = '';
  if (design.image) {
    const file = path.resolve(template.dir, design.image);
    const at = template.coverPositionOf(['image']);
    const check = checkImage(file);
    if (!check.ok) fail('cover-design', `cover.image: ${check.reason}`, at);
    image = `data:${check.mediaType};base64,${fs.readFileSync(file).toString('base64')}`;
  }
  return { design, fonts, svgTemplate: fs.readFileSync(svgFile, 'utf8'), svgFile, image };
}

export interface SvgRequest {
  kit: CoverKit;
  texts: CoverTexts;
  lang: string;
  /** The whole drawing (the trim plus any bleed), in its own units. */
  canvas: { width: number; height: number };
  /** Where the trimmed cover lies on the canvas. */
  trim: Rect;
  /** Names the SVG's origin in warnings (edition, or the template file). */
  reporter?: Reporter | undefined;
  origin?: string | undefined;
}

/** The cover as SVG text. */
export function coverSvg(req: SvgRequest): string {
  const { kit } = req;
  const { slots, truncated } = layoutCover(kit.design, kit.fonts, req.texts, req.trim, req.lang);
  for (const name of truncated) {
    req.reporter?.warn('cover-text-cut', `the ${name} does not fit on the cover even at the smallest size the template allows; it was cut with "…" (shorten it or lower cover.slots.${name}.minSize)`, { file: req.origin ?? kit.svgFile });
  }
  try {
    return ejs().render(kit.svgTemplate, { canvas: req.canvas, trim: req.trim, slots, colors: kit.design.colors, image: kit.image, texts: req.texts, lang: req.lang, esc: escapeXml, text: textElement }, { filename: kit.svgFile });
  } catch (e) {
    return fail('cover-design', `cover template: ${(e as Error).message.split('\n').pop()}`, { file: kit.svgFile });
  }
}

function resvgOptions(kit: CoverKit, width: number): ResvgRenderOptions {
  const fonts = [...kit.fonts.values()];
  return {
    fitTo: { mode: 'width', value: Math.round(width) },
    font: { loadSystemFonts: false, fontFiles: [...new Set(fonts.map((f) => f.file))], defaultFontFamily: fonts[0]?.family ?? 'serif' },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  };
}

/** SVG → PNG of `width` pixels, with the design's fonts only. */
export function rasterize(svg: string, kit: CoverKit, width: number): Buffer {
  return new (resvg().Resvg)(svg, resvgOptions(kit, width)).render().asPng();
}

/**
 * The same drawing off the main thread (resvg's renderAsync runs in libuv's
 * thread pool): an EPUB's texts are set while its cover is drawn, which
 * otherwise costs about 0.2 s of every build. Same bytes as rasterize().
 */
export async function rasterizeAsync(svg: string, kit: CoverKit, width: number): Promise<Buffer> {
  return (await resvg().renderAsync(svg, resvgOptions(kit, width))).asPng();
}

/** The SVG of the ebook cover (1600 × 2560); layout warnings go to `reporter`. */
function ebookCoverSvg(edition: Edition, template: Template, reporter?: Reporter): { svg: string; kit: CoverKit } {
  const kit = coverKit(template);
  const { width, height } = EBOOK_COVER;
  const svg = coverSvg({ kit, texts: coverTexts(edition, template), lang: edition.meta.lang, canvas: { width, height }, trim: { x: 0, y: 0, width, height }, reporter, origin: edition.meta.origin });
  return { svg, kit };
}

/** The ebook cover: 1600 × 2560 px PNG. */
export function renderEbookCover(edition: Edition, template: Template, reporter?: Reporter): Buffer {
  const { svg, kit } = ebookCoverSvg(edition, template, reporter);
  return rasterize(svg, kit, EBOOK_COVER.width);
}

/**
 * The content-cache key of an edition's ebook cover: everything the picture
 * depends on — the design, its SVG template, the bytes of its fonts and image,
 * the texts, the size, resvg's version (and, through cacheKey, the tool's) —
 * computed without opening a font, so a hit skips fontkit and resvg alike.
 */
export function ebookCoverKey(edition: Edition, template: Template): string {
  const t = designTemplate(template);
  const design = coverDesign(t);
  const parts: (string | Uint8Array)[] = [JSON.stringify(design), fs.readFileSync(t.file(COVER_SVG), 'utf8')];
  for (const file of coverFontFiles(design, t).values()) parts.push(fontBytes(file));
  if (design.image) parts.push(fs.readFileSync(path.resolve(t.dir, design.image)));
  parts.push(JSON.stringify(coverTexts(edition, template)), edition.meta.lang, edition.meta.origin, `${EBOOK_COVER.width}x${EBOOK_COVER.height}`, RESVG_VERSION);
  return cacheKey(...parts);
}

/**
 * startEbookCover through the content cache: a hit gives the stored PNG and
 * the warnings its layout gave (a cached build prints what a cold one prints);
 * a miss draws it and stores both.
 */
export function cachedEbookCover(edition: Edition, template: Template, reporter: Reporter | undefined, cache: ContentCache): Promise<Buffer> {
  const key = ebookCoverKey(edition, template);
  const hit = cache.get(COVER_NAMESPACE, key);
  const stored = hit && decodeCover(hit);
  if (stored) {
    reporter?.messages.push(...stored.messages);
    return Promise.resolve(stored.png);
  }
  const local = new LocalReporter();
  const png = startEbookCover(edition, template, local);
  reporter?.messages.push(...local.messages);
  return png.then((bytes) => {
    cache.set(COVER_NAMESPACE, key, encodeCover(local.messages, bytes));
    return bytes;
  });
}

const COVER_NAMESPACE = 'ebook-cover';
// Read from its package.json, not required: a cached cover must not load any part of resvg (test/cli/modules.test.ts).
const RESVG_VERSION = dependencyVersion('@resvg/resvg-js');

/** A stored cover: 4 bytes of JSON length, the layout's messages as JSON, the PNG. */
function encodeCover(messages: Message[], png: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(messages), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(json.length);
  return Buffer.concat([head, json, png]);
}

function decodeCover(entry: Buffer): { messages: Message[]; png: Buffer } | undefined {
  if (entry.length < 4) return undefined;
  const n = entry.readUInt32BE(0);
  if (4 + n > entry.length) return undefined;
  try {
    return { messages: JSON.parse(entry.subarray(4, 4 + n).toString('utf8')) as Message[], png: entry.subarray(4 + n) };
  } catch {
    return undefined;
  }
}

/** renderEbookCover drawn in the background: the layout (and its warnings) now, the pixels in the returned promise. */
export function startEbookCover(edition: Edition, template: Template, reporter?: Reporter): Promise<Buffer> {
  const { svg, kit } = ebookCoverSvg(edition, template, reporter);
  return rasterizeAsync(svg, kit, EBOOK_COVER.width);
}

/** A placed slot as an SVG <text> with one <tspan> per line (what every cover template needs; given to it as `text(slot)`). */
function textElement(slot: PlacedSlot | undefined): string {
  if (!slot) return '';
  const attrs = `font-family="${escapeXml(slot.family)}" font-size="${slot.size}" font-weight="${slot.weight}" font-style="${slot.style}" fill="${slot.fill}" text-anchor="${slot.anchor}"${slot.letterSpacing ? ` letter-spacing="${slot.letterSpacing}"` : ''}`;
  return `<text ${attrs}>${slot.lines.map((l) => `<tspan x="${l.x}" y="${l.y}">${escapeXml(l.text)}</tspan>`).join('')}</text>`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
