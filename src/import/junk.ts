/**
 * Text that is not part of the work: a web page's furniture after the
 * article (contact links, sidebars, cookie notices) and lines a recipe names.
 * Every cut line goes into the report with its text and the rule that cut it.
 */
import type { RawLine } from './model.js';
import type { ImportReport } from './report.js';

/** Words that mark website furniture; a trailing block is cut only if one of its lines has one. */
const FURNITURE = /\b(?:Kontakt|Impressum|Datenschutz\w*|Cookies?|Sidebar|Newsletter|Teilen|Share|Tracking|Nach oben|Anmelden|Login|Abonnieren|Spenden|Kommentare?|Tags?|Kategorien|Menü)\b/i;
const SHORT = 40;
const SENTENCE_END = /[.!?…:;"“”«»)]$/u;

/**
 * Cuts the trailing block of furniture lines: scanning up from the end,
 * lines with a furniture word or short lines without sentence punctuation,
 * never a line that starts with a note mark. Nothing is cut unless the block
 * holds a furniture word, so a poem's short last lines stay.
 */
export function cutWebFurniture(lines: readonly RawLine[], file: string, report: ImportReport): RawLine[] {
  let start = lines.length;
  let sawFurniture = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.text;
    if (t === '') continue;
    const furniture = FURNITURE.test(t) && !/^[[(\d'¹²³⁴⁵⁶⁷⁸⁹]/u.test(t);
    const short = t.length <= SHORT && !SENTENCE_END.test(t) && !/^[[(\d'¹²³⁴⁵⁶⁷⁸⁹]/u.test(t);
    if (!furniture && !short) break;
    sawFurniture ||= furniture;
    start = i;
  }
  if (!sawFurniture) return [...lines];
  for (const l of lines.slice(start)) report.cut('web-furniture', file, l.line, l.text);
  return lines.slice(0, start);
}

function exactlyOnce(lines: readonly RawLine[], wanted: string, key: string, file: string): number {
  const hits = lines.flatMap((l, i) => (l.text === wanted ? [i] : []));
  if (hits.length !== 1) throw new RecipeMismatch(key, `\`${key}\` line ${JSON.stringify(wanted)} occurs ${hits.length} times in ${file}, expected once`);
  return hits[0]!;
}

/** A recipe names something the raw file does not hold (exactly once): the recipe is stale. Reported at `key`. */
export class RecipeMismatch extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/** Recipe `cut-after`: drops that line and everything after it. */
export function cutAfter(lines: readonly RawLine[], marker: string, file: string, report: ImportReport): RawLine[] {
  const at = exactlyOnce(lines, marker, 'cut-after', file);
  for (const l of lines.slice(at)) report.cut('cut-after', file, l.line, l.text);
  return lines.slice(0, at);
}

/** Recipe `cut-lines`: each line (compared after whitespace clean-up) is removed; it must occur once. */
export function cutLines(lines: readonly RawLine[], wanted: readonly string[], file: string, report: ImportReport): RawLine[] {
  const out = [...lines];
  for (const w of wanted) {
    const [l] = out.splice(exactlyOnce(out, w, 'cut-lines', file), 1);
    report.cut('cut-lines', file, l!.line, l!.text);
  }
  return out;
}

/** Recipe `cut-patterns`: every line matching one of the regular expressions goes. */
export function cutPatterns(lines: readonly RawLine[], patterns: readonly RegExp[], file: string, report: ImportReport): RawLine[] {
  return lines.filter((l) => {
    const hit = l.text !== '' && patterns.some((p) => p.test(l.text));
    if (hit) report.cut('cut-patterns', file, l.line, l.text);
    return !hit;
  });
}
