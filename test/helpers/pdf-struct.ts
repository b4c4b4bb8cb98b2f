/**
 * Reads a PDF's logical structure (tagged PDF) through `qpdf --json`, which
 * resolves the whole object graph: the structure tree with its marked-content
 * references and annotation references, the pages of annotations, catalog flags.
 * pdf.js (structure tree per page) is the other reader the tests use.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Marked content of an element: MCID on a page (1-based). */
export interface McRef {
  mcid: number;
  page: number;
}
/** An annotation referenced by an element (OBJR): its object and the page the OBJR names. */
export interface ObjRef {
  annot: string;
  page: number | undefined;
}
export interface StructEl {
  type: string;
  lang?: string;
  alt?: string;
  kids: (StructEl | McRef | ObjRef)[];
}
export interface PdfStructure {
  root: StructEl;
  /** /Lang of the catalog. */
  lang?: string;
  marked: boolean;
  displayDocTitle: boolean;
  /** Page (1-based) of every annotation object. */
  annotPage: Map<string, number>;
  /** /Contents (description) of every annotation that has one. */
  annotContents: Map<string, string>;
  /** /Tabs of every page that has annotations. */
  tabs: (string | undefined)[];
  /** The XMP metadata packet. */
  xmp: string;
}

type Obj = Record<string, unknown>;

export function readStructure(pdf: Buffer): PdfStructure {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-struct-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 1 << 28 }).toString('utf8')) as {
      pages: { object: string }[];
      qpdf: [unknown, Record<string, { value?: Obj; stream?: { dict: Obj; data?: string } }>];
    };
    const objects = json.qpdf[1];
    const get = (ref: unknown): Obj => {
      const o = objects[`obj:${String(ref)}`];
      return (o?.value ?? o?.stream?.dict ?? {}) as Obj;
    };
    const deref = (v: unknown): unknown => (typeof v === 'string' && / 0 R$/.test(v) ? get(v) : v);
    const pageNo = new Map(json.pages.map((p, i) => [p.object, i + 1]));
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);

    const annotPage = new Map<string, number>();
    const annotContents = new Map<string, string>();
    const tabs: (string | undefined)[] = [];
    json.pages.forEach((p, i) => {
      const annots = deref(get(p.object)['/Annots']) as string[] | undefined;
      if (!annots?.length) return;
      for (const a of annots) {
        annotPage.set(a, i + 1);
        const c = str(get(a)['/Contents']);
        if (c) annotContents.set(a, c);
      }
      tabs.push(get(p.object)['/Tabs'] as string | undefined);
    });

    const element = (ref: unknown): StructEl => {
      const d = typeof ref === 'string' ? get(ref) : (ref as Obj);
      const el: StructEl = { type: String(d['/S']).replace(/^\//, ''), kids: [] };
      if (d['/Lang']) el.lang = str(d['/Lang']);
      if (d['/Alt']) el.alt = str(d['/Alt']);
      const k = deref(d['/K']);
      const kids = Array.isArray(k) ? k : k === undefined || k === null ? [] : [k];
      const pg = d['/Pg'] ? pageNo.get(String(d['/Pg'])) : undefined;
      for (const kid of kids) {
        if (typeof kid === 'number') el.kids.push({ mcid: kid, page: pg! });
        else {
          const o = typeof kid === 'string' ? get(kid) : (kid as Obj);
          if (o['/Type'] === '/MCR') el.kids.push({ mcid: o['/MCID'] as number, page: pageNo.get(String(o['/Pg']))! });
          else if (o['/Type'] === '/OBJR') el.kids.push({ annot: String(o['/Obj']), page: o['/Pg'] ? pageNo.get(String(o['/Pg'])) : undefined });
          else el.kids.push(element(kid));
        }
      }
      return el;
    };

    const catalogRef = Object.entries(objects).find(([, o]) => o.value?.['/Type'] === '/Catalog')![0].replace(/^obj:/, '');
    const catalog = get(catalogRef);
    const treeRoot = get(catalog['/StructTreeRoot']);
    const rootKids = deref(treeRoot['/K']);
    const root: StructEl = { type: 'StructTreeRoot', kids: (Array.isArray(rootKids) ? rootKids : rootKids ? [rootKids] : []).map(element) };
    const meta = objects[`obj:${String(catalog['/Metadata'])}`]?.stream?.data;
    return {
      root,
      lang: str(catalog['/Lang']),
      marked: (deref(catalog['/MarkInfo']) as Obj | undefined)?.['/Marked'] === true,
      displayDocTitle: (deref(catalog['/ViewerPreferences']) as Obj | undefined)?.['/DisplayDocTitle'] === true,
      annotPage,
      annotContents,
      tabs,
      xmp: meta ? Buffer.from(meta, 'base64').toString('utf8') : '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const isElement = (k: StructEl | McRef | ObjRef): k is StructEl => 'type' in k;

/** All elements in document order (depth first). */
export function elements(el: StructEl): StructEl[] {
  return [el, ...el.kids.filter(isElement).flatMap(elements)];
}

/** Elements of one type in document order. */
export const ofType = (el: StructEl, type: string): StructEl[] => elements(el).filter((e) => e.type === type);

/** The pages an element's own marked content lies on. */
export const pagesOf = (el: StructEl): number[] => [...new Set(el.kids.filter((k): k is McRef => 'mcid' in k).map((k) => k.page))];
