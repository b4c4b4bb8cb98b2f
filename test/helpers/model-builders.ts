/**
 * Hand-built edition models for renderer tests (pandoc's Builder style):
 * `edition({ texts: [text({ blocks: [para('…')] })] })`. Renderers are
 * tested from these, not through the parser.
 */
import { readFileSync } from 'node:fs';
import type {
  Block, Edition, EditionMeta, Heading, Inline, List, Note, Paragraph, Part, Text, TextMeta, Verse,
} from '../../src/model/types.js';

type Kid = string | Inline;
const kids = (xs: Kid[]): Inline[] => xs.map((x) => (typeof x === 'string' ? { type: 'text', value: x } : x));

export const str = (value: string): Inline => ({ type: 'text', value });
export const em = (...c: Kid[]): Inline => ({ type: 'emphasis', children: kids(c) });
export const strong = (...c: Kid[]): Inline => ({ type: 'strong', children: kids(c) });
export const sup = (...c: Kid[]): Inline => ({ type: 'superscript', children: kids(c) });
export const sub = (...c: Kid[]): Inline => ({ type: 'subscript', children: kids(c) });
export const small = (...c: Kid[]): Inline => ({ type: 'small', children: kids(c) });
export const lang = (tag: string, ...c: Kid[]): Inline => ({ type: 'lang', lang: tag, children: kids(c) });
export const link = (href: string, ...c: Kid[]): Inline => ({ type: 'link', href, children: kids(c) });
export const xref = (textId: string, fragment: string | undefined, ...c: Kid[]): Inline =>
  fragment ? { type: 'xref', textId, fragment, children: kids(c) } : { type: 'xref', textId, children: kids(c) };
export const br = (): Inline => ({ type: 'break' });
export const noteRef = (label: string, occurrence = 1): Inline => ({ type: 'noteRef', label, occurrence });

export const para = (...c: Kid[]): Paragraph => ({ type: 'paragraph', children: kids(c) });
export const heading = (depth: number, id: string, ...c: Kid[]): Heading => ({ type: 'heading', depth, id, children: kids(c) });
export const quote = (...children: Block[]): Block => ({ type: 'blockquote', children });
export const verse = (...lines: (string | Kid[])[]): Verse => ({ type: 'verse', lines: lines.map((l) => kids(typeof l === 'string' ? [l] : l)) });
export const list = (ordered: boolean, ...items: Block[][]): List => ({ type: 'list', ordered, start: 1, items });
export const hr = (): Block => ({ type: 'thematicBreak' });

/** A note; `references` defaults to 1. */
export const note = (label: string, number: number, blocks: Block[], references = 1): Note => ({ label, number, blocks, references });

/** A text with sensible defaults. */
export function text(o: Partial<TextMeta> & { blocks?: Block[]; notes?: Note[]; file?: string } = {}): Text {
  const { blocks = [], notes = [], file, ...meta } = o;
  const id = meta.id ?? 'probe';
  return {
    meta: { id, title: meta.title ?? 'Probe', authors: meta.authors ?? [], lang: meta.lang ?? 'de', tags: meta.tags ?? [], ...meta },
    file: file ?? `/project/sources/${id}.md`,
    blocks,
    notes,
    words: 0,
  };
}

/** An edition of texts (one untitled part) or of parts. */
export function edition(o: Partial<EditionMeta> & { texts?: Text[]; parts?: Part[] } = {}): Edition {
  const { texts = [], parts, ...meta } = o;
  return {
    meta: {
      title: 'Probebuch',
      editors: [],
      lang: 'de',
      identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      modified: new Date(Date.UTC(2024, 0, 1)),
      template: 'buch',
      notes: 'text',
      origin: '/project/editions/probe.yaml',
      slug: 'probe',
      ...meta,
    },
    parts: parts ?? [{ texts }],
  };
}

/**
 * A text from a raw seed file, split on blank lines (a throwaway, not the
 * parser): short lines without final punctuation become headings.
 */
export function seedText(path: string, o: Partial<TextMeta> = {}): Text {
  const raw = readFileSync(path, 'utf8');
  const blocks: Block[] = [];
  let n = 0;
  for (const chunk of raw.split(/\n\s*\n/)) {
    const s = chunk.replace(/\s+/g, ' ').trim();
    if (!s) continue;
    if (s.length < 90 && !/[.:!?“"»)]$/.test(s)) blocks.push(heading(1, `h${++n}`, s));
    else blocks.push(para(s));
  }
  return text({ id: o.id ?? 'seed', title: o.title ?? 'Seed', ...o, blocks });
}
