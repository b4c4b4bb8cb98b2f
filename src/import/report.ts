/**
 * The import report: what each named rule changed (counts), every line it
 * cut (with its text, so no word disappears without a trace), and every
 * doubt with its place in the raw file. Printed for editors, or as JSON.
 */
import { formatMessage, type Message } from '../model/messages.js';

export interface Cut {
  rule: string;
  file: string;
  line: number;
  text: string;
}

/** A change that merges or splits words (a rejoined hyphenation): before and after, so no word seems lost. */
export interface Change {
  rule: string;
  file: string;
  line: number;
  from: string;
  to: string;
}

export interface ReportJson {
  output: string;
  inputs: { file: string; format: string; encoding: string }[];
  counts: Record<string, number>;
  cuts: Cut[];
  changes: Change[];
  doubts: Message[];
  written: boolean;
}

export class ImportReport {
  readonly counts = new Map<string, number>();
  readonly cuts: Cut[] = [];
  readonly changes: Change[] = [];
  readonly doubts: Message[] = [];
  readonly inputs: { file: string; format: string; encoding: string }[] = [];

  /** Counts `n` changes made by `rule` (zero is not recorded). */
  count(rule: string, n = 1): void {
    if (n > 0) this.counts.set(rule, (this.counts.get(rule) ?? 0) + n);
  }

  /** Records text removed from the raw file, with the rule that removed it. */
  cut(rule: string, file: string, line: number, text: string): void {
    if (text.trim() === '') return;
    this.cuts.push({ rule, file, line, text });
    this.count(rule);
  }

  /** Records a change of words (counted under `rule`). */
  change(rule: string, file: string, line: number, from: string, to: string): void {
    this.changes.push({ rule, file, line, from, to });
    this.count(rule);
  }

  /** Something the importer was not sure about: an editor should look at it. */
  doubt(rule: string, reason: string, file: string, line: number): void {
    this.doubts.push({ severity: 'warning', rule, reason, file, line, column: 1 });
  }

  toJson(output: string, written: boolean): ReportJson {
    const counts = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return { output, inputs: this.inputs, counts, cuts: this.cuts, changes: this.changes, doubts: this.doubts, written };
  }

  /** The report as editors read it: counts, cut lines, doubts as file:line: warnings. */
  toText(output: string, written: boolean): string {
    const lines = [`${written ? 'wrote' : 'would write'} ${output} from ${this.inputs.map((i) => `${i.file} (${i.format}, ${i.encoding})`).join(', ')}`];
    const counts = [...this.counts].sort(([a], [b]) => a.localeCompare(b));
    const width = Math.max(0, ...counts.map(([r]) => r.length));
    for (const [rule, n] of counts) lines.push(`  ${rule.padEnd(width)}  ${n}`);
    for (const c of this.cuts) lines.push(`${c.file}:${c.line}: cut [${c.rule}]: ${c.text.length > 100 ? `${c.text.slice(0, 99)}…` : c.text}`);
    for (const d of this.doubts) lines.push(formatMessage(d));
    return `${lines.join('\n')}\n`;
  }
}
