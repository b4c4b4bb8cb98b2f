/**
 * Assembly: a validated manifest + the library → an Edition model, with the
 * metadata cascade (text front matter < manifest < command line) resolved.
 */
import crypto from 'node:crypto';
import type { Edition, EditionMeta, PartialDate, Text } from '../model/types.js';
import { textsOf } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { Library } from '../library/load.js';
import type { Manifest } from '../manifest/schema.js';
import { selectTexts } from '../select/select.js';
import { editionSteps } from '../transforms/index.js';
import { clone } from '../model/walk.js';

export interface AssembleInput {
  manifest: Manifest;
  /** Where the manifest came from (a file, or "command line"). */
  origin: string;
  slug: string;
  positionOf: (path: (string | number)[]) => { line: number; column: number };
  library: Library;
  reporter: Reporter;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH), for reproducible dates. */
  sourceDateEpoch?: number | undefined;
}

export function assembleEdition(input: AssembleInput): Edition {
  const { manifest, library } = input;
  const parts = selectTexts(manifest, library, input.origin, input.positionOf).map((p) => ({
    ...(p.title ? { title: p.title } : {}),
    // Each edition gets its own copy: its steps (links) must not leak into other selections.
    texts: p.sources.map((s) => clone(s.text)),
  }));
  const texts = parts.flatMap((p) => p.texts);
  const meta: EditionMeta = {
    title: manifest.title,
    editors: manifest.editor ?? [],
    lang: manifest.lang,
    identifier: identifierOf(manifest, input.slug, texts),
    modified: modifiedDate(input.sourceDateEpoch, manifest.date, texts),
    template: manifest.template,
    notes: manifest.notes,
    origin: input.origin,
    slug: input.slug,
    ...(manifest.subtitle ? { subtitle: manifest.subtitle } : {}),
    ...(manifest.publisher ? { publisher: manifest.publisher } : {}),
    ...(manifest.date ? { date: manifest.date } : {}),
    ...(manifest.rights ? { rights: manifest.rights } : {}),
    ...(manifest.description ? { description: manifest.description } : {}),
    ...(manifest.isbn ? { isbn: manifest.isbn } : {}),
  };
  const edition: Edition = { meta, parts };
  const idOfFile = (file: string) => library.byFile.get(file)?.text.meta.id;
  for (const [, step] of editionSteps) step(edition, { idOfFile, reporter: input.reporter });
  return edition;
}

/** urn:isbn when there is an ISBN; otherwise a name-based UUID of the edition, stable across builds. */
function identifierOf(manifest: Manifest, slug: string, texts: Text[]): string {
  if (manifest.isbn) return `urn:isbn:${manifest.isbn.replace(/[-\s]/g, '')}`;
  const hash = crypto.createHash('sha1').update([slug, manifest.title, ...texts.map((t) => t.meta.id)].join('\n')).digest('hex');
  // RFC 4122 version 5 layout (name-based, SHA-1).
  const v = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${((parseInt(hash.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hash.slice(18, 20)}-${hash.slice(20, 32)}`;
  return `urn:uuid:${v}`;
}

function dateFromPartial(d: PartialDate): Date {
  return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
}

/**
 * The date written as "last modified": SOURCE_DATE_EPOCH if set, else the
 * edition's date, else the newest text's date. Never the clock or file times,
 * so a fresh clone builds the same bytes.
 */
function modifiedDate(epoch: number | undefined, date: string | undefined, texts: Text[]): Date {
  if (epoch !== undefined) return new Date(epoch * 1000);
  if (date) {
    const [y, m, d] = date.split('-').map(Number);
    return dateFromPartial({ year: y!, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) });
  }
  const dated = texts.flatMap((t) => (t.meta.date ? [dateFromPartial(t.meta.date)] : []));
  return dated.length ? new Date(Math.max(...dated.map((d) => d.getTime()))) : new Date(0);
}

export { textsOf };
