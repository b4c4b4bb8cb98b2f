import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/model/messages.js';
import { classifyHtml, decodeAttribute } from '../../src/parse/inline-html.js';
import { fm, parseString } from '../helpers/parse.js';

const parse = (body: string) => parseString(fm(body), { steps: false });
const para = (body: string) => {
  const { text, reporter } = parse(body);
  const block = text.blocks[0]!;
  return { children: block.type === 'paragraph' ? block.children : [], reporter };
};

describe('classifyHtml', () => {
  it('reads the one attribute each tag keeps, decoded, and reports the others', () => {
    expect(classifyHtml('<a href="https://x.org/?a=1&amp;b=2" target="_blank">')).toEqual({ kind: 'open', tag: 'link', href: 'https://x.org/?a=1&b=2', dropped: ['target'] });
    expect(classifyHtml("<abbr title='Sozialdemokratische Partei'>")).toEqual({ kind: 'open', tag: 'abbreviation', title: 'Sozialdemokratische Partei', dropped: [] });
    expect(classifyHtml('</del>')).toEqual({ kind: 'close', tag: 'strikethrough' });
    expect(['<kbd>', '<samp>', '<tt>', '<ins>', '<strike>', '<var>'].map((t) => (classifyHtml(t) as { tag: string }).tag)).toEqual(['code', 'code', 'code', 'underline', 'strikethrough', 'emphasis']);
    expect(classifyHtml('<mark>')).toEqual({ kind: 'unsupported', tag: 'mark', closing: false });
    expect(classifyHtml('<Lenin>')).toEqual({ kind: 'other' });
    expect(classifyHtml('<img src="x.png" alt="Karte">')).toEqual({ kind: 'image', alt: 'Karte' });
  });

  it('decodes named and numeric character references', () => {
    expect(decodeAttribute('&eacute;t&#233; &#x2013; &bogus; &amp;')).toBe('été – &bogus; &');
  });
});

describe('raw inline HTML in the model', () => {
  it('maps <a href> onto a link, with the policy of Markdown links', () => {
    const { children, reporter } = para('Siehe <a href="https://example.org/a--b">die "Seite"</a> und <a href="mailto:a@b.c">Post</a>.\n');
    expect(children).toEqual([
      { type: 'text', value: 'Siehe ' },
      { type: 'link', href: 'https://example.org/a--b', children: [{ type: 'text', value: 'die "Seite"' }] },
      { type: 'text', value: ' und ' },
      { type: 'link', href: 'mailto:a@b.c', children: [{ type: 'text', value: 'Post' }] },
      { type: 'text', value: '.' },
    ]);
    expect(reporter.messages).toEqual([]);
  });

  it('turns <a> with another scheme into text, warning at its file:line:column', () => {
    const { children, reporter } = para('Text <a href="ftp://x.org/f">Datei</a> hier.\n');
    expect(children).toEqual([{ type: 'text', value: 'Text Datei hier.' }]);
    expect(reporter.warnings.map(formatMessage)).toEqual([expect.stringMatching(/^\/project\/sources\/probe\.md:4:6: warning: .*ftp.*\[link-unsafe\]$/)]);
  });

  it('maps <a> to another source onto a cross-reference', () => {
    const { children } = para('Vgl. <a href="other.md#h-teil">dort</a>.\n');
    expect(children[1]).toMatchObject({ type: 'xref', targetFile: '/project/sources/other.md', fragment: 'h-teil', children: [{ type: 'text', value: 'dort' }] });
  });

  it('maps abbr, cite, q, u, ins, s, del and code onto their model nodes', () => {
    const { children, reporter } = para('<abbr title="Kommunistische Internationale">Komintern</abbr>, <cite>Was tun?</cite>, <q>ja</q>, <u>a</u><ins>b</ins><s>c</s><del>d</del> <code>"x" -- y</code>\n');
    expect(reporter.messages).toEqual([]);
    expect(children).toEqual([
      { type: 'abbreviation', title: 'Kommunistische Internationale', children: [{ type: 'text', value: 'Komintern' }] },
      { type: 'text', value: ', ' },
      { type: 'cite', children: [{ type: 'text', value: 'Was tun?' }] },
      { type: 'text', value: ', ' },
      { type: 'quote', children: [{ type: 'text', value: 'ja' }] },
      { type: 'text', value: ', ' },
      { type: 'underline', children: [{ type: 'text', value: 'a' }] },
      { type: 'underline', children: [{ type: 'text', value: 'b' }] },
      { type: 'strikethrough', children: [{ type: 'text', value: 'c' }] },
      { type: 'strikethrough', children: [{ type: 'text', value: 'd' }] },
      { type: 'text', value: ' ' },
      { type: 'code', children: [{ type: 'text', value: '"x" -- y', verbatim: true }] },
    ]);
  });

  it('keeps the words of an abbr without title, of an <a> without href and of a raw <img>', () => {
    const { children, reporter } = para('<abbr>SPD</abbr> <a name="x">Anker</a> <img src="k.png" alt="Karte">\n');
    expect(children).toEqual([{ type: 'text', value: 'SPD Anker Karte' }]);
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['html-attribute', 'image-inline']);
  });
});

describe('unbalanced raw HTML', () => {
  it('names the tag as written when it is never closed, and keeps its content', () => {
    const { children, reporter } = para('Ein <del>gestrichener Satz.\n');
    expect(children).toEqual([{ type: 'text', value: 'Ein ' }, { type: 'strikethrough', children: [{ type: 'text', value: 'gestrichener Satz.' }] }]);
    expect(reporter.warnings.map(formatMessage)).toEqual(['/project/sources/probe.md:4:5: warning: <del> is never closed; closed at the end of the paragraph [html-unbalanced]']);
  });
});
