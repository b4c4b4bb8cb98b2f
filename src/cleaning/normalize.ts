/**
 * Whitespace of raw web text, one line at a time.
 *
 * The seeds come from web pages whose editor wrote paragraph separators as
 * lines holding a no-break space and left no-break spaces at line ends and
 * between sentences. None of them carries meaning, and an NBSP left in a
 * Markdown source is invisible trouble (it is not whitespace to CommonMark),
 * so the cleaned sources keep none.
 */

export function splitLines(raw: string): string[] {
  return raw.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * A run of blanks that contains a no-break space becomes one plain space:
 * ".\u00a0 Die" was a typed double space, not two meaningful characters.
 * Runs of plain spaces are left alone: spacing is the typography step's job.
 */
export function cleanLine(line: string): string {
  return line.replace(/[ \t\u00a0]*\u00a0[ \t\u00a0]*/g, ' ').trim();
}

/** True for a line that separates paragraphs (empty once cleaned). */
export function isBlank(line: string): boolean {
  return cleanLine(line) === '';
}
