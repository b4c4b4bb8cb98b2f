/**
 * Every rule `edition check` can report, with its severity and meaning:
 * the line rules of rules.ts plus the structural checks done by the parser.
 * `edition check --rules` prints this table.
 */
import type { Severity } from '../model/messages.js';
import { LINE_RULES } from './rules.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

const STRUCTURAL: RuleInfo[] = [
  { id: 'frontmatter-missing', severity: 'error', description: 'the file does not start with a `---` front-matter block' },
  { id: 'frontmatter-field', severity: 'error', description: 'a front-matter field is missing or has the wrong type' },
  { id: 'frontmatter-unknown-field', severity: 'warning', description: 'a front-matter field the tool does not know (with the nearest known name)' },
  { id: 'yaml-syntax', severity: 'error', description: 'the front matter is not valid YAML' },
  { id: 'id-duplicate', severity: 'error', description: 'two sources have the same id' },
  { id: 'note-undefined', severity: 'error', description: 'a footnote reference [^x] without a definition' },
  { id: 'note-duplicate', severity: 'error', description: 'a footnote defined twice' },
  { id: 'note-unused', severity: 'warning', description: 'a footnote definition nothing refers to (list it in `unanchored-notes` if that is intended)' },
  { id: 'table-cells', severity: 'warning', description: 'a table row with more cells than its header row (the extra cells are not printed)' },
  { id: 'text-empty', severity: 'error', description: 'front matter without a body' },
  { id: 'link-missing-text', severity: 'warning', description: 'a link to a source file that does not exist' },
  { id: 'link-fragment', severity: 'warning', description: 'a link to a heading the target text lacks (with the nearest anchor)' },
  { id: 'file-encoding', severity: 'error', description: 'the file is not UTF-8' },
];

export const RULE_CATALOG: RuleInfo[] = [...STRUCTURAL, ...LINE_RULES.map(({ id, severity, description }) => ({ id, severity, description }))];
