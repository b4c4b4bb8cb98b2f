/**
 * The `links` step: a link to another source file becomes an in-book link
 * when that text is in the edition, and plain text (with a warning) when it
 * is not — never a broken link in an output.
 */
import path from 'node:path';
import type { Edition, Inline } from '../model/types.js';
import { textsOf } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import { forEachInlineList } from '../model/walk.js';
import { matchFragment } from './fragment.js';

/** Maps a source file to its text id (the library's files). */
export type IdOfFile = (file: string) => string | undefined;

export function resolveLinks(edition: Edition, idOfFile: IdOfFile, reporter: Reporter): void {
  const texts = textsOf(edition);
  const headingIds = new Map(texts.map((t) => [t.meta.id, new Set(t.blocks.flatMap((b) => (b.type === 'heading' ? [b.id] : [])))]));
  const resolveList = (list: Inline[]) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i]!;
      if ('children' in node) resolveList(node.children);
      if (node.type !== 'xref' || !node.targetFile) continue;
      const at = node.position ?? { file: '?' };
      const id = idOfFile(path.resolve(node.targetFile));
      if (!id) {
        reporter.warn('link-missing-text', `link to ${path.basename(node.targetFile)}, which is not a source of the library; printed as plain text`, at);
      } else if (!headingIds.has(id)) {
        reporter.warn('link-outside-edition', `link to text \`${id}\`, which is not in this edition; printed as plain text`, at);
      } else {
        node.textId = id;
        if (node.fragment) {
          const match = matchFragment(node.fragment, [...headingIds.get(id)!]);
          if (match.ok) node.fragment = match.id;
          else {
            reporter.warn('link-fragment', `text \`${id}\` has no heading \`#${node.fragment}\`${match.hint}; the link goes to the start of the text`, at);
            delete node.fragment;
          }
        }
        delete node.targetFile;
        continue;
      }
      list.splice(i, 1, ...node.children);
      i--;
    }
  };
  for (const t of texts) {
    forEachInlineList(t.blocks, resolveList);
    for (const n of t.notes) forEachInlineList(n.blocks, resolveList);
  }
}
