/**
 * YAML with positions: the `yaml` package keeps a range on every node, which
 * lets a message about a field name its line in the user's file. YAML 1.2 is
 * used on purpose: unquoted dates stay strings, `1.10` stays as written.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { fail } from '../model/messages.js';

export interface YamlFile {
  data: unknown;
  /** Position (in the user's file) of a top-level key, or of an item of a sequence under it. */
  positionOf(path: (string | number)[]): { line: number; column: number };
}

export interface YamlOptions {
  /**
   * Unquoted numbers stay text, exactly as written (`1917`, `1.10`, `007`):
   * front matter and manifests hold only text, and `tags: [lenin, 1917]` or
   * `title: 1917` mean the text (issue 8, item 7). pdf.yaml keeps its numbers.
   */
  numbersAsText?: boolean;
}

/** Parses YAML that starts at `lineOffset` lines into `file`; syntax errors become InputErrors. */
export function parseYaml(source: string, file: string, lineOffset = 0, options: YamlOptions = {}): YamlFile {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, version: '1.2', uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = counter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    fail('yaml-syntax', `invalid YAML: ${reason}`, { file, line: pos.line + lineOffset, column: pos.col });
  }
  if (options.numbersAsText) {
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value === 'number' && node.type === 'PLAIN' && node.source !== undefined) node.value = node.source;
      },
    });
  }
  const at = (offset: number | undefined) => {
    const p = counter.linePos(offset ?? 0);
    return { line: p.line + lineOffset, column: p.col };
  };
  return {
    data: doc.toJS(),
    positionOf(path) {
      let node: unknown = doc.contents;
      let offset = (doc.contents as Node | null)?.range?.[0];
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
          if (!pair) break;
          offset = (pair.key as Node).range?.[0];
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as Node | undefined;
          if (!item) break;
          offset = item.range?.[0];
          node = item;
        } else break;
      }
      return at(offset);
    },
  };
}
