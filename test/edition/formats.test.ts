/** What `--format` does to a manifest's `formats` (README, Commands: epub and pdf narrow, cover and booklet add). */
import { describe, expect, it } from 'vitest';
import { outputFileName, selectFormats } from '../../src/edition/build.js';

describe('selectFormats', () => {
  it('builds what the manifest asks for when the command line names nothing', () => {
    expect(selectFormats(['epub', 'pdf'], undefined)).toEqual(['epub', 'pdf']);
    expect(selectFormats(['pdf', 'booklet'], undefined)).toEqual(['pdf', 'booklet']);
  });
  it('narrows epub and pdf to what the manifest asks for', () => {
    expect(selectFormats(['epub', 'pdf'], ['epub'])).toEqual(['epub']);
    expect(selectFormats(['epub'], ['pdf'])).toEqual([]);
  });
  it('adds cover and booklet, made from the interior, whatever the manifest lists', () => {
    expect(selectFormats(['epub', 'pdf'], ['pdf', 'cover'])).toEqual(['pdf', 'cover']);
    expect(selectFormats(['epub'], ['booklet'])).toEqual(['booklet']);
  });
  it('keeps the order in which they are made: the interior before what is made from it', () => {
    expect(selectFormats(['epub', 'pdf'], ['booklet', 'cover', 'pdf', 'epub'])).toEqual(['epub', 'pdf', 'cover', 'booklet']);
  });
});

describe('outputFileName', () => {
  it('names the print files after the edition', () => {
    expect(['epub', 'pdf', 'cover', 'booklet'].map((f) => outputFileName('reader', f as 'epub'))).toEqual(['reader.epub', 'reader.pdf', 'reader.cover.pdf', 'reader.booklet.pdf']);
  });
});
