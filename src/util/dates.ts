/** Human dates in the language of a text: "November 1917", "5. März 1923". */
import type { PartialDate } from '../model/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat for a language and options, made once: constructing
 * one costs about a millisecond (ICU loads the locale's patterns), and a
 * build formats a date per text and per format (measured: 15–30 ms of an
 * x10 build). Throws a RangeError for an invalid language, as the constructor does.
 */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, options);
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(d: PartialDate, lang: string): string {
  const date = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', ...(d.month ? { month: 'long' } : {}), ...(d.day ? { day: 'numeric' } : {}) };
  try {
    return dateFormat(lang, options).format(date);
  } catch {
    return dateFormat('de', options).format(date);
  }
}

/** A manifest date ("2026", "2026-11", "2026-11-21") in words, for imprints. */
export function formatIsoDate(iso: string, lang: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return formatDate({ year: year!, ...(month ? { month } : {}), ...(day ? { day } : {}) }, lang);
}

/** ISO form of a partial date ("1917", "1917-11", "1917-11-18"). */
export function isoDate(d: PartialDate): string {
  return [String(d.year).padStart(4, '0'), d.month && String(d.month).padStart(2, '0'), d.day && String(d.day).padStart(2, '0')].filter(Boolean).join('-');
}
