/** A manifest's own cover image: format and size from its bytes, and what the shops would object to. */
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { imageInfo, shopProblems } from '../../src/cover/own.js';
import { tinyPng } from '../helpers/png.js';

/** The header of a baseline JPEG (SOI, APP0, a DQT stub, SOF0) with the given size: all imageInfo reads. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const dqt = Buffer.from([0xff, 0xdb, 0x00, 0x04, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, dqt, sof]);
}

describe('imageInfo', () => {
  it('reads PNG and JPEG sizes from their headers', () => {
    expect(imageInfo(tinyPng())).toEqual({ mediaType: 'image/png', width: 1, height: 1 });
    const png = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="625" height="1000"><rect width="625" height="1000" fill="#abc"/></svg>').render().asPng();
    expect(imageInfo(png)).toEqual({ mediaType: 'image/png', width: 625, height: 1000 });
    expect(imageInfo(jpegHeader(1600, 2560))).toEqual({ mediaType: 'image/jpeg', width: 1600, height: 2560 });
  });

  it('refuses anything else', () => {
    expect(imageInfo(Buffer.from('GIF89a……'))).toBeUndefined();
    expect(imageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });
});

describe('shopProblems (KDP: ideal 1600 × 2560, min 625 × 1000, ratio 1.6; Apple: ≥ 1400 wide)', () => {
  it('accepts Kindle’s ideal size', () => {
    expect(shopProblems({ mediaType: 'image/jpeg', width: 1600, height: 2560 })).toEqual([]);
  });
  it('names each problem', () => {
    expect(shopProblems({ mediaType: 'image/png', width: 500, height: 800 })).toEqual([expect.stringMatching(/below KDP's minimum of 625 × 1000/)]);
    expect(shopProblems({ mediaType: 'image/png', width: 1000, height: 1600 })).toEqual([expect.stringMatching(/below Apple Books' minimum of 1400/)]);
    expect(shopProblems({ mediaType: 'image/png', width: 2000, height: 2000 })).toEqual([expect.stringMatching(/height : width is 1.00, KDP asks for 1.6/)]);
    expect(shopProblems({ mediaType: 'image/png', width: 8000, height: 12800 })).toEqual([expect.stringMatching(/maximum of 10000/)]);
  });
});
