/**
 * Shared last steps for running text: escape what Markdown would misread,
 * typography, then note marks → footnote references.
 */
import { escapeInline } from '../cleaning/escape.js';
import type { ImportContext } from './model.js';
import { convertMarks, MARK_STYLES, type MarkStyle } from './notes.js';
import { typography } from './typography.js';

/** Plain raw text → inline Markdown with typography applied (marks untouched). */
export function plainToInline(s: string, ctx: ImportContext, keepEmphasis: boolean): string {
  return typographyOf(escapeInline(s, keepEmphasis), ctx);
}

export function typographyOf(s: string, ctx: ImportContext): string {
  return typography(s, ctx.lang, ctx.enabled, (rule, n) => ctx.report.count(rule, n));
}

export interface MarkLinker {
  /** Converts the marks in one piece of text; unmatched marks are reported at `line`. */
  link(text: string, line: number): string;
  linked: Set<string>;
}

/**
 * Links marks of the styles the notes use (plus `[n]`, which `edition check`
 * would flag if it stayed bare) to the notes found.
 */
export function markLinker(ctx: ImportContext, noteLabels: ReadonlySet<string>, styles: readonly MarkStyle[]): MarkLinker {
  const bracket = MARK_STYLES.find((s) => s.name === 'bracket')!;
  const linked = new Set<string>();
  const labels = ctx.recipe['note-labels'] ?? {};
  // "[n]" is always looked at (left bare, `edition check` flags it), but linked only when the notes use that style.
  const bracketLinks = styles.includes(bracket);
  return {
    linked,
    link(text, line) {
      let r = convertMarks(text, styles.filter((s) => s !== bracket), (l) => noteLabels.has(l), labels);
      const b = convertMarks(r.text, [bracket], (l) => bracketLinks && noteLabels.has(l), labels);
      r = { text: b.text, linked: [...r.linked, ...b.linked], unmatched: [...r.unmatched, ...b.unmatched] };
      for (const l of r.linked) linked.add(l);
      ctx.report.count('notes-linked', r.linked.length);
      for (const m of r.unmatched) ctx.report.doubt('note-missing', `note mark ${m} has no note; kept as text`, ctx.file, line);
      return r.text;
    },
  };
}
