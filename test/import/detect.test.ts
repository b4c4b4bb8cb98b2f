import { describe, expect, it } from 'vitest';
import { detectFormat, guessLanguage } from '../../src/import/detect.js';

describe('format by content', () => {
  it('HTML and XHTML, whatever the extension', () => {
    expect(detectFormat('<!DOCTYPE html>\n<html><body><p>x</p></body></html>', 'page.txt')).toBe('html');
    expect(detectFormat('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'c.xhtml')).toBe('html');
  });
  it('Markdown by its syntax or its name', () => {
    expect(detectFormat('Text[^1].\n\n[^1]: Note.', 'a.txt')).toBe('markdown');
    expect(detectFormat('# Titel\n\n> Zitat', 'a.txt')).toBe('markdown');
    expect(detectFormat('Nur Text.', 'a.md')).toBe('markdown');
  });
  it('anything else is plain text', () => {
    expect(detectFormat('Anmerkungen:\n[1] Ebd.', 'a.txt')).toBe('text');
  });
  it('guesses German or English from common words', () => {
    expect(guessLanguage('Die Arbeiter und die Bauern haben nicht')).toBe('de');
    expect(guessLanguage('The winter of that year came early to the valley')).toBe('en');
  });
});
