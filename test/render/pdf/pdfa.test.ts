/** PDF/A helpers: escaped XMP that parses and says what the info dictionary says; images PDF/A cannot hold. */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { escapeXml, escapeXmpInfo, imageProblem, infoXmp, standardOptions } from '../../../src/render/pdf/pdfa.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Parses an XMP fragment strictly (any XML error throws). */
function parseXmp(fragment: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(
    `<rdf:RDF xmlns:rdf="${RDF}">${fragment}</rdf:RDF>`,
    'text/xml',
  );
  expect(errors).toEqual([]);
  return doc;
}

const info = {
  Title: 'Krieg & Frieden <Band 1> "Roman"',
  Author: 'Lew Tolstoi & Co',
  Subject: 'a < b',
  Keywords: 'krieg, frieden',
  Creator: 'edition (pdfkit)',
  Producer: 'edition (pdfkit)',
  CreationDate: new Date('2026-11-01T10:20:30.456Z'),
  ModDate: new Date('2026-11-02T00:00:00Z'),
};

describe('infoXmp', () => {
  it('escapes every value so the packet is well-formed XML and reads back the original text', () => {
    const doc = parseXmp(infoXmp(info));
    const text = (tag: string) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.textContent);
    expect(text('rdf:li')).toEqual([info.Title, info.Author, info.Subject]);
    expect(text('pdf:Keywords')).toEqual([info.Keywords]);
    expect(text('xmp:CreatorTool')).toEqual(['edition (pdfkit)']);
  });

  it('writes CreateDate and ModifyDate from the info dates, without milliseconds', () => {
    const doc = parseXmp(infoXmp(info));
    expect(doc.getElementsByTagName('xmp:CreateDate')[0]!.textContent).toBe('2026-11-01T10:20:30Z');
    expect(doc.getElementsByTagName('xmp:ModifyDate')[0]!.textContent).toBe('2026-11-02T00:00:00Z');
  });

  it('keeps empty keywords (the info dictionary has them too) and leaves out a missing author', () => {
    const xmp = infoXmp({ ...info, Author: undefined, Keywords: '' });
    expect(xmp).toContain('<pdf:Keywords></pdf:Keywords>');
    expect(xmp).not.toContain('dc:creator');
  });
});

describe('escapeXml', () => {
  it('escapes the XML specials and nothing else', () => {
    expect(escapeXml(`Krieg & Frieden <"ü">`)).toBe('Krieg &amp; Frieden &lt;&quot;ü&quot;&gt;');
  });
});

describe('escapeXmpInfo', () => {
  it("replaces the document's info writer with the escaping one", () => {
    const written: string[] = [];
    const doc = { info, appendXML: (xml: string) => written.push(xml), _addInfo: () => written.push('unescaped') };
    escapeXmpInfo(doc);
    doc._addInfo();
    expect(written).toEqual([infoXmp(info)]);
  });
});

describe('standardOptions', () => {
  it('maps each standard to pdfkit options: PDF/A-1 on PDF 1.4, PDF/A-2 on 1.7, none without subset', () => {
    expect(standardOptions('PDF/A-1b')).toEqual({ pdfVersion: '1.4', subset: 'PDF/A-1b' });
    expect(standardOptions('PDF/A-2b')).toEqual({ pdfVersion: '1.7', subset: 'PDF/A-2b' });
    expect(standardOptions('none')).toEqual({ pdfVersion: '1.7' });
  });
});

describe('imageProblem', () => {
  const alphaPng = { image: { hasAlphaChannel: true, transparency: {} } };
  const indexedAlpha = { image: { hasAlphaChannel: false, transparency: { indexed: [0, 255] } } };
  const plainPng = { image: { hasAlphaChannel: false, transparency: {} } };
  const cmykJpeg = { colorSpace: 'DeviceCMYK' };

  it('rejects transparency in PDF/A-1b only', () => {
    expect(imageProblem(alphaPng, 'PDF/A-1b')).toMatch(/alpha channel.*PDF\/A-1b forbids/);
    expect(imageProblem(indexedAlpha, 'PDF/A-1b')).toMatch(/alpha channel/);
    expect(imageProblem(alphaPng, 'PDF/A-2b')).toBeUndefined();
    expect(imageProblem(alphaPng, 'none')).toBeUndefined();
    expect(imageProblem(plainPng, 'PDF/A-1b')).toBeUndefined();
  });

  it('rejects CMYK images in both PDF/A flavours (the output intent is sRGB)', () => {
    expect(imageProblem(cmykJpeg, 'PDF/A-1b')).toMatch(/CMYK/);
    expect(imageProblem(cmykJpeg, 'PDF/A-2b')).toMatch(/CMYK/);
    expect(imageProblem(cmykJpeg, 'none')).toBeUndefined();
  });
});
