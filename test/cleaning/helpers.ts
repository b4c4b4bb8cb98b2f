/** Shared by the cleaning tests: the seed fixtures, their recipes, the committed sources and a Markdown parse of them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';

export const FIXTURES = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
export const SOURCES = fileURLToPath(new URL('../../sources/', import.meta.url));
export const RECIPES = fileURLToPath(new URL('../../sources/recipes/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A seed: its raw file, the recipe that imports it, the id of the source it becomes. */
export interface Seed {
  id: string;
  seed: string;
  recipe: string;
}

export const leninAufruf: Seed = { id: 'lenin-1917-zk-aufruf', seed: '000_2f9e59acdd16dd5e.txt', recipe: `${RECIPES}lenin-1917-zk-aufruf.yaml` };
export const roteArmeeKomintern: Seed = {
  id: 'rote-armee-komintern-lenins-letzter-kampf',
  seed: '002_10cefb8d0ef24683.txt',
  recipe: `${RECIPES}rote-armee-komintern-lenins-letzter-kampf.yaml`,
};
export const SEEDS: readonly Seed[] = [leninAufruf, roteArmeeKomintern];

export const readSeed = (seed: Seed): string => readFileSync(`${FIXTURES}${seed.seed}`, 'utf8');
export const readSource = (seed: Seed): string => readFileSync(`${SOURCES}${seed.id}.md`, 'utf8');

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

/** The article seed's eight section headings, in order (its source and any import of it must have them). */
export const ARTICLE_HEADINGS = [
  'Die bewaffnete Verteidigung der Revolution',
  'Eine disziplinierte und zentralisierte Klassenarmee',
  'Kasan und die Verteidigung von Petrograd',
  'Eine Schule für revolutionäre Taktik und Strategie',
  'Die ersten vier Kongresse der Kommunistischen Internationale',
  'Die Isolation der Revolution und die wirtschaftliche Verwüstung',
  'Rückgang des „Plebejerstolzes“',
  'Der letzte Kampf von Lenin',
];
