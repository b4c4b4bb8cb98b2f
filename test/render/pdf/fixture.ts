/** A loaded style and font set for unit tests of the layout modules. */
import PDFDocument from 'pdfkit';
import { loadFonts, type FontSet } from '../../../src/render/pdf/fonts.js';
import { resolveStyle, type Style } from '../../../src/render/pdf/style.js';
import type { LayoutContext } from '../../../src/render/pdf/blocks.js';
import { toRuns, type Run } from '../../../src/render/pdf/runs.js';
import type { Inline } from '../../../src/model/types.js';
import { pdfConfig, root, templateDir } from './helpers.js';

export interface Fixture {
  style: Style;
  fonts: FontSet;
  ctx: LayoutContext;
  runs(inlines: Inline[] | string): Run[];
}

/** Style and fonts of the buch template (or another shipped one); `patch` edits the raw config first. */
export function fixture(patch?: (c: Record<string, any>) => void, template = 'buch'): Fixture {
  const dir = template === 'buch' ? templateDir : `${root}templates/${template}`;
  const raw = structuredClone(pdfConfig(dir)) as Record<string, any>;
  patch?.(raw);
  const style = resolveStyle(raw, dir);
  const doc = new PDFDocument({ autoFirstPage: false });
  const fonts = loadFonts(doc as never, style, dir);
  const ctx: LayoutContext = { style, fonts, problems: [], imageSize: () => ({ width: 100, height: 100 }), outlineLevel: 0 };
  return {
    style,
    fonts,
    ctx,
    runs: (inl) =>
      toRuns(typeof inl === 'string' ? [{ type: 'text', value: inl }] : inl, style.config.body, { config: style.config, fonts, problems: ctx.problems }),
  };
}
