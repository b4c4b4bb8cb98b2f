/** Reading a built EPUB in tests. */
import JSZip from 'jszip';

export interface EpubFiles {
  names: string[];
  text(name: string): string;
  /** Content documents (XHTML) in spine order. */
  spine: string[];
}

export async function openEpub(bytes: Uint8Array): Promise<EpubFiles> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const contents = new Map<string, string>();
  for (const n of names) if (!zip.files[n]!.dir) contents.set(n, await zip.files[n]!.async('string'));
  const opf = contents.get('OEBPS/content.opf') ?? '';
  const hrefById = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => `OEBPS/${hrefById.get(m[1]!)}`);
  return { names, text: (n) => contents.get(n) ?? '', spine };
}

/** Ids defined in an XHTML document. */
export function idsOf(xhtml: string): Set<string> {
  return new Set([...xhtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** Every href of <a> elements with their attributes. */
export function anchorsOf(xhtml: string): { href: string; attrs: string }[] {
  return [...xhtml.matchAll(/<a\s([^>]*)>/g)].map((m) => ({ attrs: m[1]!, href: /href="([^"]*)"/.exec(m[1]!)?.[1] ?? '' }));
}
