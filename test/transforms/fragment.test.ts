import { describe, expect, it } from 'vitest';
import { matchFragment } from '../../src/transforms/fragment.js';

const IDS = ['h-ueber-die-lage', 'h-die-aufgaben', 'h-die-aufgaben-2'];

describe('matchFragment', () => {
  it('accepts the anchor itself', () => {
    expect(matchFragment('h-die-aufgaben-2', IDS)).toEqual({ ok: true, id: 'h-die-aufgaben-2' });
  });

  it('accepts the heading text or its slug, percent-encoded or not', () => {
    expect(matchFragment('über-die-lage', IDS)).toEqual({ ok: true, id: 'h-ueber-die-lage' });
    expect(matchFragment('Über die Lage', IDS)).toEqual({ ok: true, id: 'h-ueber-die-lage' });
    expect(matchFragment('%C3%9Cber%20die%20Lage', IDS)).toEqual({ ok: true, id: 'h-ueber-die-lage' });
    expect(matchFragment('h-Über-die-Lage', IDS)).toEqual({ ok: true, id: 'h-ueber-die-lage' });
  });

  it('suggests the nearest anchor for a typo or a partial heading', () => {
    expect(matchFragment('Über', IDS)).toEqual({ ok: false, hint: ' (did you mean `#h-ueber-die-lage`?)' });
    expect(matchFragment('h-uber-die-lage', IDS)).toEqual({ ok: false, hint: ' (did you mean `#h-ueber-die-lage`?)' });
    expect(matchFragment('aufgabe', IDS)).toEqual({ ok: false, hint: ' (did you mean `#h-die-aufgaben`?)' });
  });

  it('lists the anchors when none is near, and says when there are none', () => {
    expect(matchFragment('schluss', IDS)).toEqual({ ok: false, hint: ' (its headings: `#h-ueber-die-lage`, `#h-die-aufgaben`, `#h-die-aufgaben-2`)' });
    expect(matchFragment('x', [])).toEqual({ ok: false, hint: ' (the text has no headings)' });
  });
});
