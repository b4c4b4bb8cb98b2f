/**
 * Note marks in running text and the notes they point to. Raw texts mark
 * notes as `[12]`, `(12)`, `12)`, superscripts `¹²`, or OCR'd superscripts
 * (`')` for ¹)). A mark only becomes a footnote reference when its note was
 * found; a mark without a note stays visible text and a note without a mark
 * becomes an unanchored note, and both are reported, never dropped.
 */

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUP = `[${SUPERSCRIPTS}]+`;

export interface MarkStyle {
  name: 'bracket' | 'paren' | 'close-paren' | 'superscript';
  /** A note's mark at the start of a line or paragraph; group 1 is the raw label. */
  lineStart: RegExp;
  /** A mark in running text (global); group 1 is the raw label. Spaces before it belong to it. */
  inText: RegExp;
}

export const MARK_STYLES: readonly MarkStyle[] = [
  // Up to three digits, so a year in editorial brackets ([1917]) never passes for a note.
  // A note may be written "[1] …" or, Markdown-style, "[1]: …".
  { name: 'bracket', lineStart: /^\[(\d{1,3})\]:?\s*/, inText: /[ \t]*\[(\d{1,3})\]/g },
  { name: 'paren', lineStart: /^\((\d{1,3})\)\s+/, inText: /[ \t]*\((\d{1,3})\)/g },
  // "Wort¹)" or "Wort1)" — glued to the word; OCR reads ¹ as an apostrophe.
  { name: 'close-paren', lineStart: new RegExp(`^(\\d{1,3}|${SUP}|')\\)\\s*`, 'u'), inText: new RegExp(`(?<=[\\p{L}\\p{P}])(?<!\\()(\\d{1,3}|${SUP}|')\\)`, 'gu') },
  { name: 'superscript', lineStart: new RegExp(`^(${SUP})\\s+`, 'u'), inText: new RegExp(`(?<=[\\p{L}\\p{P}])(${SUP})`, 'gu') },
];

/** Marks that may point into a numbered list of notes (which says nothing about its marks' form). */
export const LIST_NOTE_STYLES: readonly MarkStyle[] = MARK_STYLES.filter((s) => s.name !== 'close-paren');

/** The mark styles to link: those the notes were written with, or any plausible one for notes from a numbered list. */
export function stylesOf(notes: readonly { style?: MarkStyle }[]): MarkStyle[] {
  const styles = new Set<MarkStyle>();
  for (const n of notes) for (const s of n.style ? [n.style] : LIST_NOTE_STYLES) styles.add(s);
  return [...styles];
}

/** Raw label → note label: superscripts become digits, the OCR apostrophe is ¹. */
export function normaliseLabel(raw: string, map: Readonly<Record<string, string>> = {}): string {
  if (map[raw] !== undefined) return map[raw]!;
  if (raw === "'") return '1';
  return [...raw].map((c) => (SUPERSCRIPTS.includes(c) ? String(SUPERSCRIPTS.indexOf(c)) : c)).join('');
}

/** The style and label of a mark opening `text`, if any. */
export function leadingMark(text: string, styles: readonly MarkStyle[] = MARK_STYLES): { style: MarkStyle; raw: string; rest: string } | undefined {
  for (const style of styles) {
    const m = style.lineStart.exec(text);
    if (m) return { style, raw: m[1]!, rest: text.slice(m[0].length) };
  }
  return undefined;
}

/** Headings that open a list of notes ("Anmerkungen:", "Fußnoten", "Notes"). */
export const NOTES_HEADING = /^(?:#{1,6}\s*)?(?:Anmerkungen|Fußnoten|Fussnoten|Endnoten|Noten|Notes|Endnotes|Footnotes)\s*:?$/i;

/**
 * Where a trailing list of notes begins, without a heading: the last line
 * marked as note 1 after which marked lines dominate and no unmarked line
 * carries a mark itself (body paragraphs refer to notes; notes' further
 * paragraphs rarely do). Interleaved notes fail this test and are found per
 * paragraph instead (see takeInterleavedNotes).
 */
export function trailingListStart(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const first = leadingMark(lines[i]!);
    if (!first || normaliseLabel(first.raw) !== '1') continue;
    const rest = lines.slice(i).filter((l) => l !== '');
    const marked = rest.filter((l) => leadingMark(l, [first.style]));
    const unmarkedWithMarks = rest.filter((l) => !leadingMark(l, [first.style]) && new RegExp(first.style.inText.source, 'u').test(l));
    if (marked.length * 3 >= rest.length * 2 && unmarkedWithMarks.length === 0) return i;
    return -1;
  }
  return -1;
}

export interface RawNoteText {
  label: string;
  rawLabel: string;
  style: MarkStyle;
  paragraphs: string[];
  line: number;
}

/**
 * Lines of a notes list → notes. A marked line starts a note; any other line
 * is a further paragraph of the note before it (multi-paragraph notes).
 * Returns the lines before the first mark separately, so nothing is lost.
 */
export function parseNotesList(
  lines: readonly { text: string; line: number }[],
  labels: Readonly<Record<string, string>> = {},
  /** Hard-wrapped text: an unmarked line right under a note line continues its paragraph (joined by `join`). */
  join?: (left: string, right: string, line: number) => string,
): { notes: RawNoteText[]; before: { text: string; line: number }[] } {
  const notes: RawNoteText[] = [];
  const before: { text: string; line: number }[] = [];
  let style: MarkStyle | undefined;
  let touching = false;
  for (const l of lines) {
    if (l.text === '') {
      touching = false;
      continue;
    }
    const m = leadingMark(l.text, style ? [style] : MARK_STYLES);
    const last = notes[notes.length - 1];
    if (m) {
      style ??= m.style;
      notes.push({ label: normaliseLabel(m.raw, labels), rawLabel: m.raw, style: m.style, paragraphs: [m.rest], line: l.line });
    } else if (!last) before.push(l);
    else if (join && touching) last.paragraphs[last.paragraphs.length - 1] = join(last.paragraphs.at(-1)!, l.text, l.line);
    else last.paragraphs.push(l.text);
    touching = true;
  }
  return { notes, before };
}

/**
 * Replaces the marks of `style` in `text` whose label has a note by `[^label]`
 * (hanging on the word before it, as a superscript would); other marks stay
 * as text, bracket marks escaped so Markdown and `edition check` read them as
 * text. Returns the labels linked and the marks left.
 */
export function convertMarks(
  text: string,
  styles: readonly MarkStyle[],
  hasNote: (label: string) => boolean,
  labels: Readonly<Record<string, string>> = {},
): { text: string; linked: string[]; unmatched: string[] } {
  const linked: string[] = [];
  const unmatched: string[] = [];
  let out = text;
  for (const style of styles) {
    out = out.replace(style.inText, (whole, raw: string) => {
      const label = normaliseLabel(raw, labels);
      if (hasNote(label)) {
        linked.push(label);
        return `[^${label}]`;
      }
      unmatched.push(whole.trim());
      return style.name === 'bracket' ? whole.replace('[', '\\[').replace(']', '\\]') : whole;
    });
  }
  return { text: out, linked, unmatched };
}

/** Labels of the footnote references in Markdown text, in order of appearance. */
export function noteRefLabels(md: string): string[] {
  return [...md.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1]!);
}

/** Later paragraphs are indented four spaces: that is what keeps them inside the footnote. */
export function renderNote(label: string, paragraphs: readonly string[]): string {
  const [first = '', ...rest] = paragraphs;
  return [`[^${label}]: ${first}`, ...rest.map((p) => `    ${p}`)].join('\n\n');
}
