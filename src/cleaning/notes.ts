/**
 * Notes: the marks in the running text and the list of notes at the end,
 * turned into GFM footnote references and definitions.
 */

export interface NoteSyntax {
  /** The line that heads the list ("Anmerkungen:"); it is dropped. Without one the list starts at the first mark. */
  heading?: string;
  /** A note's mark at the start of a line; group 1 is the raw label. */
  mark: RegExp;
  /** Raw label → note label, where OCR garbled the superscript (' for ¹). */
  labels?: Readonly<Record<string, string>>;
}

export interface RawNote {
  label: string;
  /** One entry per raw line: within a note list a line break starts a paragraph. */
  paragraphs: string[];
}

export function splitBodyAndNotes(lines: readonly string[], syntax: NoteSyntax): { body: string[]; notes: string[] } {
  if (syntax.heading !== undefined) {
    const at = lines.indexOf(syntax.heading);
    if (at < 0 || lines.indexOf(syntax.heading, at + 1) >= 0) throw new Error(`notes heading ${JSON.stringify(syntax.heading)} must occur exactly once`);
    return { body: lines.slice(0, at), notes: lines.slice(at + 1) };
  }
  const at = lines.findIndex((line) => syntax.mark.test(line));
  return at < 0 ? { body: [...lines], notes: [] } : { body: lines.slice(0, at), notes: lines.slice(at) };
}

export function parseNotes(lines: readonly string[], syntax: NoteSyntax): RawNote[] {
  const notes: RawNote[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const m = syntax.mark.exec(line);
    if (m) {
      const raw = m[1] ?? '';
      const label = syntax.labels?.[raw] ?? raw;
      if (notes.some((n) => n.label === label)) throw new Error(`note ${label} is defined twice`);
      notes.push({ label, paragraphs: [line.slice(m[0].length)] });
    } else if (notes.length === 0) {
      throw new Error(`text before the first note mark: ${JSON.stringify(line.slice(0, 60))}`);
    } else {
      notes[notes.length - 1]!.paragraphs.push(line);
    }
  }
  return notes;
}

/**
 * " [12]" → "[^12]": the reference hangs on the word or punctuation before
 * it, as a superscript would. Only one to three digits, so that a year in
 * editorial brackets ([1917]) could never pass for a note.
 */
export function markNoteRefs(s: string): string {
  return s.replace(/[ \t]*\[(\d{1,3})\]/g, '[^$1]');
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
