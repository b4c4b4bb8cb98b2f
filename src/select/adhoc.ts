/**
 * Ad-hoc selections from the command line: `--select author:Lenin --select
 * year:1917..1918 --id a,b` become a manifest, so they go through the same
 * validation and selection as editions/*.yaml. Each --select is one query;
 * repeated --select are combined with AND. Within one --select, a comma
 * list means "any of" for id and author, and "all of" for tag.
 */
import type { ManifestInput, Query } from '../manifest/schema.js';
import type { Locate } from './select.js';
import { didYouMean } from '../util/suggest.js';

// The syntax of dates and language tags, checked here so a bad --select is a
// usage error (exit 2) before anything loads; validateManifest checks them
// again with the full schema (src/parse/frontmatter.ts). Kept regex-only so
// `edition --help` does not load zod (2025-11, issue 4: CLI start-up time).
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const LANG_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?$/;

/** A mistake in the command line itself (exit code 2), not in the library. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const SELECT_KEYS = ['id', 'author', 'tag', 'lang', 'year'] as const;
/** Other spellings users reach for. */
const ALIASES: Record<string, (typeof SELECT_KEYS)[number]> = { tags: 'tag', date: 'year', authors: 'author', ids: 'id', language: 'lang' };

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Parses `1917`, `1917..1918`, `..1918`, `1917..` (each side may also be YYYY-MM or YYYY-MM-DD). */
export function parseYearRange(value: string): Pick<Query, 'from' | 'to'> {
  const m = /^([^.]*)(\.\.)?([^.]*)$/.exec(value.trim());
  const bad = () => new UsageError(`\`--select year:${value}\` is not a year or range (use 1917, 1917..1918, ..1918 or 1917..)`);
  if (!m || (!m[2] && !m[1]) || (m[2] && !m[1] && !m[3])) throw bad();
  const [from, to] = m[2] ? [m[1]!, m[3]!] : [m[1]!, m[1]!];
  for (const d of [from, to]) if (d && !PARTIAL_DATE.test(d)) throw bad();
  if (from && to && from.slice(0, 4) > to.slice(0, 4)) throw new UsageError(`\`--select year:${value}\`: the range ends before it starts`);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Parses one `--select key:value` into a query (or ids). */
export function parseSelect(arg: string): Query {
  const m = /^\s*([a-z]+)\s*[:=]\s*(.*)$/i.exec(arg);
  if (!m) throw new UsageError(`\`--select ${arg}\`: expected key:value with a key among ${SELECT_KEYS.join(', ')}`);
  const raw = m[1]!.toLowerCase();
  const key = (SELECT_KEYS as readonly string[]).includes(raw) ? (raw as (typeof SELECT_KEYS)[number]) : ALIASES[raw];
  if (!key) throw new UsageError(`\`--select ${arg}\`: unknown key \`${raw}\`${didYouMean(raw, SELECT_KEYS)} (keys: ${SELECT_KEYS.join(', ')})`);
  const value = m[2]!.trim();
  if (!value) throw new UsageError(`\`--select ${arg}\`: the value is empty`);
  switch (key) {
    case 'id':
      return { id: list(value) };
    case 'author':
      return { author: list(value) };
    case 'tag':
      return { tags: list(value) };
    case 'lang':
      if (!LANG_TAG.test(value)) throw new UsageError(`\`--select ${arg}\`: \`${value}\` is not a language tag such as de, en or de-CH`);
      return { lang: value };
    case 'year':
      return parseYearRange(value);
  }
}

export interface AdhocArgs {
  select?: string[] | undefined;
  id?: string[] | undefined;
  title?: string | undefined;
  subtitle?: string | undefined;
  editor?: string | undefined;
  publisher?: string | undefined;
  template?: string | undefined;
  notes?: 'text' | 'book' | undefined;
  lang?: string | undefined;
  sort?: 'listed' | 'date' | 'title' | 'author' | undefined;
}

export interface AdhocSelection {
  manifest: ManifestInput;
  /** Maps manifest paths back to the arguments they came from, for messages. */
  locate: Locate;
}

/** Whether the arguments ask for an ad-hoc selection at all. */
export function isAdhoc(args: AdhocArgs): boolean {
  return Boolean(args.select?.length || args.id?.length);
}

/** The selection part of the ad-hoc arguments: `texts` for ids alone, otherwise one query per --select. */
export function adhocSelection(args: Pick<AdhocArgs, 'select' | 'id'>): { texts?: string[]; query?: Query[]; sources: string[] } {
  const selects = args.select ?? [];
  const ids = (args.id ?? []).flatMap(list);
  const queries = selects.map(parseSelect);
  // Every query key is spelled back as its argument, so an empty match names the --select at fault.
  const sources = selects.map((s) => `--select ${s}`);
  if (queries.length === 0) return { texts: ids, sources };
  if (ids.length) {
    queries.unshift({ id: ids });
    sources.unshift(`--id ${ids.join(',')}`);
  }
  return { query: queries, sources };
}

/** Turns the build flags into a manifest; throws UsageError for a malformed --select or a missing --title. */
export function adhocManifest(args: AdhocArgs): AdhocSelection {
  const { texts, query, sources } = adhocSelection(args);
  if (!args.title) throw new UsageError('an ad-hoc selection (--select/--id) needs a --title; it also names the output files');
  const manifest: ManifestInput = {
    title: args.title,
    ...(texts ? { texts } : {}),
    ...(query ? { query } : {}),
    ...(args.subtitle ? { subtitle: args.subtitle } : {}),
    ...(args.editor ? { editor: args.editor } : {}),
    ...(args.publisher ? { publisher: args.publisher } : {}),
    ...(args.template ? { template: args.template } : {}),
    ...(args.notes ? { notes: args.notes } : {}),
    ...(args.lang ? { lang: args.lang } : {}),
    ...(args.sort ? { sort: args.sort } : {}),
  };
  const locate: Locate = (p) => {
    if (p[0] === 'query' && typeof p[1] === 'number') {
      if (p[2] === 'id' && typeof p[3] === 'number') return { file: `--id ${query?.[p[1]]?.id?.[p[3]] ?? ''}` };
      return { file: sources[p[1]] ?? '--select' };
    }
    if (p[0] === 'query') return { file: sources.join(' ') };
    if (p[0] === 'texts' && typeof p[1] === 'number') return { file: `--id ${texts?.[p[1]] ?? ''}` };
    return { file: typeof p[0] === 'string' ? `--${p[0]}` : 'command line' };
  };
  return { manifest, locate };
}
