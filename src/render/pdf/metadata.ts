/**
 * Document information. CreationDate and ModDate are the edition's
 * `modified` date (never "now") because pdfkit's file ID hashes the info
 * dictionary: same input, same bytes. Producer and Creator are fixed strings
 * for the same reason (pdfkit would otherwise write its own).
 */
import type { Edition } from '../../model/types.js';
import { textsOf } from '../../model/types.js';
import { creditsOf } from '../../model/credits.js';

export const PRODUCER = 'edition (pdfkit)';

export interface PdfInfo {
  Title: string;
  /** The book's creators (src/model/credits.ts); absent when the book is by nobody named. */
  Author?: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

/** The info dictionary of an edition. */
export function infoOf(edition: Edition): PdfInfo {
  const m = edition.meta;
  const texts = textsOf(edition);
  const creators = creditsOf(edition).creators.map((c) => c.name);
  const keywords = [...new Set(texts.flatMap((t) => t.meta.tags))];
  return {
    Title: m.subtitle ? `${m.title}. ${m.subtitle}` : m.title,
    ...(creators.length > 0 ? { Author: creators.join(', ') } : {}),
    Subject: m.description ?? m.subtitle ?? m.title,
    Keywords: keywords.join(', '),
    Creator: PRODUCER,
    Producer: PRODUCER,
    CreationDate: new Date(m.modified.getTime()),
    ModDate: new Date(m.modified.getTime()),
  };
}
