/** The EPUB build's self-check: a broken internal link is an internal error, never a shipped book. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, TempProject, manifest, source } from '../../helpers/project.js';
import { assertLinksResolve, brokenLinks } from '../../../src/render/epub/check-links.js';

const docs = [
  { filename: 'text-a.xhtml', body: '<link href="style.css"/><p id="ref-a-1"><a href="notes.xhtml#note-a-1">1</a> <a href="https://example.org/x#y">web</a> <a href="#ref-a-1">self</a></p>' },
  { filename: 'notes.xhtml', body: '<li id="note-a-1"><a href="text-a.xhtml#ref-a-1">1</a> <a href="text-a.xhtml#ref-a-3">c</a> <a href="#nowhere">d</a> <a href="gone.xhtml">e</a></li>' },
];

describe('brokenLinks', () => {
  it('names each internal href whose document or id is missing, and passes resources and external links', () => {
    expect(brokenLinks(docs, ['style.css'])).toEqual([
      { from: 'notes.xhtml', href: 'text-a.xhtml#ref-a-3', reason: 'text-a.xhtml has no id "ref-a-3"' },
      { from: 'notes.xhtml', href: '#nowhere', reason: 'notes.xhtml has no id "nowhere"' },
      { from: 'notes.xhtml', href: 'gone.xhtml', reason: 'no file gone.xhtml in the book' },
    ]);
  });

  it('checks that embedded images are in the book', () => {
    const doc = [{ filename: 'a.xhtml', body: '<img src="images/img-1.png" alt=""/><img src="images/img-2.png" alt=""/>' }];
    expect(brokenLinks(doc, ['images/img-1.png'])).toEqual([{ from: 'a.xhtml', href: 'images/img-2.png', reason: 'no file images/img-2.png in the book' }]);
  });

  it('reads escaped attribute values as the reader does', () => {
    expect(brokenLinks([{ filename: 'a.xhtml', body: '<p id="x&amp;y"><a href="#x&amp;y">s</a></p>' }])).toEqual([]);
  });
});

describe('assertLinksResolve', () => {
  it('is silent when everything resolves', () => {
    expect(() => assertLinksResolve(docs.slice(0, 1).map((d) => ({ ...d, body: d.body.replace('notes.xhtml#note-a-1', '#ref-a-1') })), ['style.css'])).not.toThrow();
  });

  it('throws one error naming every broken link', () => {
    expect(() => assertLinksResolve(docs, ['style.css'])).toThrow(
      'EPUB self-check: 3 internal links would not resolve: notes.xhtml: href="text-a.xhtml#ref-a-3" (text-a.xhtml has no id "ref-a-3"); notes.xhtml: href="#nowhere"',
    );
  });
});

describe('through the CLI', () => {
  it('stops a build whose XHTML would hold a broken link: exit 70, one clear line, nothing written', async () => {
    const chapter = fs.readFileSync(path.join(REPO, 'templates/buch/epub/chapter.xhtml.ejs'), 'utf8').replace('<%- body %>', '<%- body %>\n<p><a href="#kein-ziel">kaputt</a></p>');
    const project = new TempProject({
      'sources/a.md': source({ title: 'A' }, 'Text.\n'),
      'editions/e.yaml': manifest({ title: 'E', template: 'kaputt', texts: ['a'] }),
      'templates/kaputt/template.yaml': 'description: bricht Links\nextends: buch\n',
      'templates/kaputt/epub/chapter.xhtml.ejs': chapter,
    });
    try {
      const r = await project.run(['build']);
      expect(r.code).toBe(70);
      expect(r.stderr).toMatch(/^edition: internal error \(please report it\): Error: EPUB self-check: \d+ internal links? would not resolve: cover\.xhtml: href="#kein-ziel" \(cover\.xhtml has no id "kein-ziel"\); titlepage\.xhtml: href="#kein-ziel"/);
      expect(project.list('dist')).toEqual([]);
    } finally {
      project.remove();
    }
  }, 60_000);
});
