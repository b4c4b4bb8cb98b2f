import { describe, expect, it } from 'vitest';
import { parseHtml, textOf } from '../../../src/import/html/dom.js';
import { extractArticle } from '../../../src/import/html/extract.js';
import { ImportReport } from '../../../src/import/report.js';

function extract(html: string) {
  const report = new ImportReport();
  const doc = parseHtml(html);
  const article = extractArticle(doc, html, 'p.html', report);
  return { text: textOf(article.root).replace(/\s+/g, ' ').trim(), report, title: article.title };
}

describe('article extraction', () => {
  it('takes <article> and reports everything around it by rule', () => {
    const { text, report, title } = extract(
      '<html><head><title>T – Site</title><script>x()</script></head><body><header>Site</header><nav><a>Home</a></nav>' +
        '<article><h1>T</h1><p>Der Text.</p></article><div class="cookie-notice">Wir verwenden Cookies.</div><footer>Impressum</footer></body></html>',
    );
    expect(text).toBe('T Der Text.');
    expect(title).toBe('T – Site');
    expect(report.cuts.map((c) => [c.rule, c.text])).toEqual([
      ['html-header', 'Site'],
      ['html-navigation', 'Home'],
      ['html-cookie-banner', 'Wir verwenden Cookies.'],
      ['html-footer', 'Impressum'],
    ]);
  });
  it('without semantic markup, takes the element with the most paragraph text', () => {
    const { text, report } = extract('<body><div id="top">Menü Suche</div><div class="c"><p>Erster Absatz.</p><p>Zweiter Absatz.</p></div><div>Spenden</div></body>');
    expect(text).toBe('Erster Absatz. Zweiter Absatz.');
    expect(report.cuts.map((c) => [c.rule, c.text])).toEqual([
      ['html-outside-article', 'Menü Suche'],
      ['html-outside-article', 'Spenden'],
    ]);
  });
  it('keeps the header of an EPUB chapter (its title)', () => {
    expect(extract('<body epub:type="bodymatter"><section epub:type="chapter"><header><h2>II</h2><p>The Thaw</p></header><p>Text.</p></section></body>').text).toBe('II The Thaw Text.');
  });
  it('keeps a header inside the article (title, byline)', () => {
    expect(extract('<body><article><header><h1>Titel</h1><p>Von A.</p></header><p>Text.</p></article></body>').text).toBe('Titel Von A. Text.');
  });
});
