/**
 * What a reader of a PDF can click, read the way /work/shared/tools/pdf_links.py
 * reads it (qpdf --json=2): every /Link annotation with its page, its
 * rectangle and where it leads, resolved through the /Dests name tree to a
 * page and a point. And the words of each page with their boxes
 * (pdftotext -bbox), so a test can ask what lies under a link and at its target.
 *
 * All coordinates are converted to top-left page coordinates (y downwards),
 * like pdftotext's, in points.
 */
import { spawnSync } from 'node:child_process';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfTarget {
  name: string;
  /** 1-based page. */
  page: number;
  /** The point the view jumps to (left, top), top-left coordinates. */
  x: number;
  y: number;
}

export interface PdfLink {
  /** 1-based page the annotation is on. */
  page: number;
  rect: Box;
  uri?: string;
  /** Name of the destination for internal links (undefined for URI links and explicit arrays). */
  dest?: string;
  /** The resolved destination; undefined when the name is not defined (a broken link). */
  target?: PdfTarget;
}

export interface PdfWord extends Box {
  page: number;
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** qpdf writes strings as "u:text" (Unicode) or "b:hex" (bytes); names keep their slash. */
function str(v: Json | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('u:')) return v.slice(2);
  if (v.startsWith('b:')) return Buffer.from(v.slice(2), 'hex').toString('latin1');
  return v;
}

/** Reads every link annotation and named destination of a PDF. */
export function pdfLinks(file: string): { links: PdfLink[]; dests: Map<string, PdfTarget>; pages: number } {
  const r = spawnSync('qpdf', ['--json=2', file], { encoding: 'utf8', maxBuffer: 512 << 20 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`qpdf cannot read ${file}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value?: Json }>] };
  const objs = json.qpdf[1];
  const deref = (v: Json | undefined): Json | undefined => {
    let cur = v;
    for (let i = 0; i < 20 && typeof cur === 'string' && / \d+ R$/.test(cur); i++) cur = objs[`obj:${cur}`]?.value;
    return cur;
  };
  const dict = (v: Json | undefined): Record<string, Json> | undefined => {
    const d = deref(v);
    return d && typeof d === 'object' && !Array.isArray(d) ? d : undefined;
  };
  const pageIndex = new Map(json.pages.map((p, i) => [p.object, i + 1]));
  const heights = json.pages.map((p) => {
    const box = deref(dict(p.object)?.['/MediaBox']) as number[] | undefined;
    return box ? box[3]! - box[1]! : 0;
  });

  const dests = new Map<string, PdfTarget>();
  const walk = (node: Json | undefined): void => {
    const n = dict(node);
    if (!n) return;
    const names = deref(n['/Names']);
    if (Array.isArray(names)) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const name = str(names[i]);
        const arr = deref(names[i + 1]);
        const d = Array.isArray(arr) ? arr : (dict(arr)?.['/D'] as Json[] | undefined);
        if (!name || !Array.isArray(d)) continue;
        const page = pageIndex.get(d[0] as string) ?? 0;
        dests.set(name, { name, page, x: Number(d[2] ?? 0), y: heights[page - 1]! - Number(d[3] ?? 0) });
      }
    }
    const kids = deref(n['/Kids']);
    if (Array.isArray(kids)) kids.forEach(walk);
  };
  const catalog = Object.values(objs).find((o) => (o.value as Record<string, Json> | undefined)?.['/Type'] === '/Catalog')?.value as Record<string, Json> | undefined;
  walk(dict(catalog?.['/Names'])?.['/Dests']);

  const links: PdfLink[] = [];
  json.pages.forEach((p, i) => {
    const annots = deref(dict(p.object)?.['/Annots']);
    if (!Array.isArray(annots)) return;
    for (const ref of annots) {
      const a = dict(ref);
      if (!a || a['/Subtype'] !== '/Link') continue;
      const [x0, y0, x1, y1] = (deref(a['/Rect']) as number[]).map(Number) as [number, number, number, number];
      const h = heights[i]!;
      const link: PdfLink = { page: i + 1, rect: { x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: h - Math.max(y0, y1), y1: h - Math.min(y0, y1) } };
      const action = dict(a['/A']);
      if (action?.['/S'] === '/URI') link.uri = str(deref(action['/URI']));
      else {
        const name = str(deref(action ? action['/D'] : a['/Dest']));
        if (name !== undefined) {
          link.dest = name;
          const target = dests.get(name);
          if (target) link.target = target;
        }
      }
      links.push(link);
    }
  });
  return { links, dests, pages: json.pages.length };
}

/** Every word of the PDF with its box (pdftotext -bbox), top-left coordinates. */
export function pdfWords(file: string): PdfWord[] {
  const r = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 512 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const words: PdfWord[] = [];
  let page = 0;
  const entity = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const line of r.stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: entity(m[5]!) });
  }
  return words;
}

/** Words on a page that overlap the box horizontally and whose vertical centre lies in it. */
export function wordsIn(words: PdfWord[], page: number, box: Box): PdfWord[] {
  return words.filter((w) => {
    const cy = (w.y0 + w.y1) / 2;
    return w.page === page && Math.min(w.x1, box.x1) - Math.max(w.x0, box.x0) > 0.5 && cy >= box.y0 && cy <= box.y1;
  });
}

/** The first words at and below a destination's point (what the reader sees where a link lands). */
export function wordsAt(words: PdfWord[], target: PdfTarget, lines = 1, slack = 2): PdfWord[] {
  const below = words.filter((w) => w.page === target.page && w.y0 >= target.y - slack && w.x1 >= target.x - slack);
  if (below.length === 0) return [];
  const top = Math.min(...below.map((w) => w.y0));
  const firstLines = below.filter((w) => w.y0 < top + lines * (below[0]!.y1 - below[0]!.y0) * 1.2);
  return firstLines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
