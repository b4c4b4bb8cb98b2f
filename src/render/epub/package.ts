/**
 * Packaging through epub-gen-memory, made reproducible and fed with our own
 * templates. Its defaults would write xml:lang="en", a random identifier, the
 * build time and "All rights reserved"; every template is ours instead, and:
 * - chapter bodies travel in an extra chapter key (`body`) that our chapter
 *   template prints verbatim, so the library's HTML repair (which drops
 *   attributes like `start` and `value`) never touches our valid XHTML;
 * - Math.random is made deterministic while the EPub is constructed, and every
 *   zip entry gets the edition's date, so equal inputs give equal bytes;
 * - the files it collected are zipped by Node's zlib (zip.ts), not by jszip's
 *   JavaScript deflate, which it would use for generateAsync.
 */
import { pathToFileURL } from 'node:url';
import { EPub } from 'epub-gen-memory';
import type { Options, Chapter } from 'epub-gen-memory';
import { writeZip, type ZipEntry } from './zip.js';

export interface PackageImage {
  src: string;
  /** Name inside OEBPS, e.g. images/img-1.png. */
  href: string;
}

export interface PackageInput {
  /** epub-gen-memory options, including our templates and extra template data. */
  options: Options & Record<string, unknown>;
  chapters: (Chapter & Record<string, unknown>)[];
  images: PackageImage[];
  /** Files given as bytes (the cover image), by name inside OEBPS. */
  files?: { href: string; bytes: Buffer }[];
  /** Date stamped on every zip entry. */
  date: Date;
  /** Called with every XHTML document as written (name inside OEBPS → text) before the zip is generated; throws to stop. */
  check?: (documents: { filename: string; body: string }[], resources: string[]) => void;
}

/** 1980-01-02 UTC: the earliest date every zip tool shows the same in every time zone. */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);

/** EPub with deterministic images and zip dates. */
class ReproducibleEPub extends EPub {
  constructor(options: Options, chapters: Chapter[], images: PackageImage[]) {
    super(options, chapters);
    for (const image of images) {
      const [, id, extension] = /^images\/(.+)\.(png|jpg)$/.exec(image.href)!;
      this.images.push({ url: pathToFileURL(image.src).href, id: id!, extension: extension!, mediaType: extension === 'png' ? 'image/png' : 'image/jpeg' });
    }
  }

  async toBuffer(date: Date, check?: PackageInput['check'], files: PackageInput['files'] = []): Promise<Buffer> {
    await this.render();
    for (const f of files) this.zip.file(`OEBPS/${f.href}`, f.bytes);
    if (check) {
      const documents: { filename: string; body: string }[] = [];
      const resources: string[] = [];
      for (const [name, file] of Object.entries(this.zip.files)) {
        if (file.dir || !name.startsWith('OEBPS/')) continue;
        const filename = name.slice('OEBPS/'.length);
        if (name.endsWith('.xhtml')) documents.push({ filename, body: await file.async('string') });
        else resources.push(filename);
      }
      check(documents, resources);
    }
    // The zip holds DOS dates, written from UTC fields; a fixed date makes the archive reproducible.
    // DOS dates start in 1980 (earlier ones wrap round to 2045): the floor applies
    // to the zip entries only, the book's metadata keeps its real date (issue 8, item 16).
    const entryDate = new Date(Math.max(date.getTime(), ZIP_EPOCH));
    // In jszip's order (the order files were added: mimetype first); only the mimetype and folders are stored.
    const entries: ZipEntry[] = [];
    for (const file of Object.values(this.zip.files)) {
      entries.push({ name: file.name, dir: file.dir, store: file.options.compression === 'STORE', date: entryDate, data: file.dir ? new Uint8Array() : await file.async('uint8array') });
    }
    return await writeZip(entries);
  }
}

/** Seeded generator standing in for Math.random (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function packageEpub(input: PackageInput): Promise<Buffer> {
  const random = Math.random;
  let epub: ReproducibleEPub;
  Math.random = seeded(0x5eed);
  try {
    epub = new ReproducibleEPub({ ...input.options, verbose: false }, input.chapters, input.images);
  } finally {
    Math.random = random;
  }
  return epub.toBuffer(input.date, input.check, input.files);
}
