/**
 * Assembly: a validated manifest + the library → an Edition model, with the
 * metadata cascade (text front matter < manifest < command line) resolved.
 */
import crypto from 'node:crypto';
import type { Edition, EditionMeta, PartialDate, Text } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { Library } from '../library/load.js';
import type { Manifest } from '../manifest/schema.js';
import { selectTexts, type Locate } from '../select/select.js';
import { editionSteps } from '../transforms/index.js';
import { clone } from '../model/walk.js';
import { normalizeIsbn } from '../manifest/isbn.js';
import { ownCover } from '../cover/own.js';

export interface AssembleInput {
  manifest: Manifest;
  /** Where the manifest came from (a file, or "command line"). */
  origin: string;
  slug: string;
  /** Where each manifest path came from (file:line, or a command-line argument). */
  locate: Locate;
  library: Library;
  reporter: Reporter;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH), for reproducible dates. */
  sourceDateEpoch?: number | undefined;
}

export function assembleEdition(input: AssembleInput): Edition {
  const { manifest, library } = input;
  const parts = selectTexts(manifest, library, input.locate).map((p) => ({
    ...(p.title ? { title: p.title } : {}),
    // Each edition gets its own copy: its steps (links) must not leak into other selections.
    texts: p.sources.map((s) => clone(s.text)),
  }));
  const texts = parts.flatMap((p) => p.texts);
  const meta: EditionMeta = {
    title: manifest.title,
    editors: manifest.editor ?? [],
    lang: manifest.lang ?? commonLang(texts),
    identifier: identifierOf(manifest, input.slug, texts),
    modified: modifiedDate(input.sourceDateEpoch, manifest.date, texts),
    template: manifest.template,
    notes: manifest.notes,
    origin: input.origin,
    slug: input.slug,
    ...(manifest.subtitle ? { subtitle: manifest.subtitle } : {}),
    ...(manifest.author ? { authors: manifest.author } : {}),
    ...(manifest.publisher ? { publisher: manifest.publisher } : {}),
    ...(manifest.date ? { date: manifest.date } : {}),
    ...(manifest.rights ? { rights: manifest.rights } : {}),
    ...(manifest.description ? { description: manifest.description } : {}),
    ...(manifest.isbn ? { isbn: manifest.isbn } : {}),
    ...(manifest.series ? { series: manifest.series } : {}),
    ...(manifest.cover ? { cover: ownCover(manifest.cover, input.locate(['cover']), input.reporter) } : {}),
  };
  const edition: Edition = { meta, parts };
  const idOfFile = (file: string) => library.byFile.get(file)?.text.meta.id;
  for (const [, step] of editionSteps) step(edition, { idOfFile, reporter: input.reporter });
  return edition;
}

/**
 * The edition's own language when the manifest names none: the language most
 * of its texts are in, counted by primary subtag (de and de-CH are both
 * German; ties go to the earlier text). The full tag is kept when all those
 * texts share it. Each text keeps its own `lang` regardless.
 */
function commonLang(texts: Text[]): string {
  const groups = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  for (const t of texts) {
    const primary = t.meta.lang.toLowerCase().split('-')[0]!;
    count.set(primary, (count.get(primary) ?? 0) + 1);
    groups.set(primary, (groups.get(primary) ?? new Set()).add(t.meta.lang));
  }
  let best: string | undefined;
  for (const [primary, n] of count) if (best === undefined || n > count.get(best)!) best = primary;
  if (best === undefined) return 'de';
  const tags = groups.get(best)!;
  return tags.size === 1 ? [...tags][0]! : best;
}

/** urn:isbn when there is an ISBN; otherwise a name-based UUID of the edition, stable across builds. */
function identifierOf(manifest: Manifest, slug: string, texts: Text[]): string {
  if (manifest.isbn) return `urn:isbn:${normalizeIsbn(manifest.isbn)}`;
  const hash = crypto.createHash('sha1').update([slug, manifest.title, ...texts.map((t) => t.meta.id)].join('\n')).digest('hex');
  // RFC 4122 version 5 layout (name-based, SHA-1).
  const v = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${((parseInt(hash.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hash.slice(18, 20)}-${hash.slice(20, 32)}`;
  return `urn:uuid:${v}`;
}

/** "Last modified" of an edition none of whose texts has a date: fixed, so builds stay reproducible. */
const UNDATED = Date.UTC(1980, 0, 2);

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
  const dated = texts.flatMap((t) => (t.meta.date ? [dateFromPartial(t.meta.date).getTime()] : []));
  // The metadata keeps the real date, however old; only zip entry times have a 1980 floor,
  // and the EPUB packager applies it (issue 8, item 16). Nothing dated at all: a fixed date, as before.
  return new Date(dated.length ? Math.max(...dated) : UNDATED);
}

