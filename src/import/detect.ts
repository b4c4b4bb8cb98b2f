/**
 * Which importer a raw file needs, judged by its content (an `.txt` holding
 * HTML is HTML); the extension only breaks ties.
 */
export type RawFormat = 'html' | 'markdown' | 'text';

export function detectFormat(text: string, file: string): RawFormat {
  const head = text.slice(0, 4000).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html/i.test(head) || /^(<\?xml[^>]*>\s*)?<html[\s>]/i.test(head)) return 'html';
  if (/\.(x?html?)$/i.test(file) && /<(p|div|body|section|article)[\s>]/i.test(head)) return 'html';
  // Markdown: footnote definitions, ATX headings, emphasis with underscores/stars, links, or a .md name.
  const md = [/^\[\^[^\]]+\]:/m, /^#{1,6} \S/m, /\[[^\]]+\]\([^)\s]+\)/, /^(?:[-*+]|\d+\.) \S/m, /^> \S/m].filter((r) => r.test(text)).length;
  if (/\.(md|markdown)$/i.test(file) || md >= 2 || /^\[\^[^\]]+\]:/m.test(text)) return 'markdown';
  return 'text';
}

/** The language of a text by its commonest short words, for texts that do not say. */
export function guessLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const score = (list: string[]) => words.filter((w) => list.includes(w)).length;
  const de = score(['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'den', 'sich', 'auf']);
  const en = score(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'was', 'for', 'his']);
  return en > de ? 'en' : 'de';
}
