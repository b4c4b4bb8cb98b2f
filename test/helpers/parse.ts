/** Parses a Markdown source string the way the library does (notes numbered, typography applied). */
import { Reporter } from '../../src/model/messages.js';
import { parseSource } from '../../src/parse/source.js';
import { textSteps } from '../../src/transforms/index.js';
import type { Text } from '../../src/model/types.js';

export function parseString(src: string, opts: { file?: string; projectRoot?: string; steps?: boolean } = {}): { text: Text; reporter: Reporter } {
  const reporter = new Reporter();
  const file = opts.file ?? '/project/sources/probe.md';
  const parsed = parseSource(file, Buffer.from(src, 'utf8'), { projectRoot: opts.projectRoot ?? '/project', reporter });
  if (opts.steps !== false) for (const [, step] of textSteps) step(parsed.text, { unanchoredNotes: parsed.unanchoredNotes, reporter });
  return { text: parsed.text, reporter };
}

export const fm = (body: string, fields = 'title: Probe') => `---\n${fields}\n---\n${body}`;
