/** Shared by the cleaning tests: fixtures, the committed sources and a Markdown parse of them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { SeedRecipe } from '../../src/cleaning/clean.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
export const SOURCES = fileURLToPath(new URL('../../sources/', import.meta.url));

export const readSeed = (recipe: SeedRecipe): string => readFileSync(`${FIXTURES}${recipe.seed}`, 'utf8');
export const readSource = (recipe: SeedRecipe): string => readFileSync(`${SOURCES}${recipe.frontMatter.id}.md`, 'utf8');

export function splitSource(src: string): { data: Record<string, unknown>; body: string } {
  // An options object keeps gray-matter from sharing `data` between equal inputs.
  const { data, content } = matter(src, {});
  return { data, body: content };
}

export function parseMarkdown(body: string): Root {
  return fromMarkdown(body, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
}

export function nodesOfType<T extends Nodes['type']>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const found: Nodes[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return found as Extract<Nodes, { type: T }>[];
}

/** Plain text of a node (text and inline code values, breaks as newlines). */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}
