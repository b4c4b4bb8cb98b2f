/**
 * Links between sources, checked across the library as `edition check` sees
 * it: the same `link-missing-text` and `link-fragment` findings a build
 * reports, so a wrong anchor is found before any edition is built.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Message } from '../model/messages.js';
import type { Text } from '../model/types.js';
import { forEachInline } from '../model/walk.js';
import { matchFragment } from '../transforms/fragment.js';

/** Findings for links from `texts` to other sources; targets outside `texts` are checked only for existence. */
export function lintLinks(texts: Text[]): Message[] {
  const anchors = new Map(texts.map((t) => [path.resolve(t.file), { id: t.meta.id, ids: t.blocks.flatMap((b) => (b.type === 'heading' ? [b.id] : [])) }]));
  const out: Message[] = [];
  for (const text of texts) {
    const visit = (node: Parameters<Parameters<typeof forEachInline>[1]>[0]) => {
      if (node.type !== 'xref' || !node.targetFile) return;
      const at = { file: node.position?.file ?? text.file, line: node.position?.line, column: node.position?.column };
      const target = anchors.get(path.resolve(node.targetFile));
      if (!target) {
        if (!fs.existsSync(node.targetFile)) out.push({ severity: 'warning', rule: 'link-missing-text', reason: `link to ${path.basename(node.targetFile)}, which is not a source of the library; printed as plain text`, ...at });
        return;
      }
      if (!node.fragment) return;
      const match = matchFragment(node.fragment, target.ids);
      if (!match.ok) out.push({ severity: 'warning', rule: 'link-fragment', reason: `text \`${target.id}\` has no heading \`#${node.fragment}\`${match.hint}; the link goes to the start of the text`, ...at });
    };
    forEachInline(text.blocks, visit);
    for (const note of text.notes) forEachInline(note.blocks, visit);
  }
  return out;
}
