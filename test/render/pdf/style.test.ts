import { describe, expect, it } from 'vitest';
import { resolveStyle, mm } from '../../../src/render/pdf/style.js';
import { InputError } from '../../../src/model/messages.js';
import { pdfConfig, templateDir, root } from './helpers.js';

const cfg = () => structuredClone(pdfConfig()) as Record<string, any>;

function errorOf(raw: unknown): InputError {
  try {
    resolveStyle(raw, templateDir);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('pdf.yaml validation', () => {
  it('accepts the shipped templates and converts mm to points', () => {
    const s = resolveStyle(pdfConfig(), templateDir);
    expect(s.geometry.width).toBeCloseTo(mm(148));
    expect(s.geometry.measure).toBeCloseTo(mm(148 - 20 - 15));
    expect(resolveStyle(pdfConfig(`${root}templates/a4`), `${root}templates/a4`).geometry.height).toBeCloseTo(mm(297));
  });

  it('names the file and the key of a bad value', () => {
    const c = cfg();
    c.body.size = -3;
    const e = errorOf(c);
    expect(e.messages[0]!.file).toBe(`${templateDir}/pdf.yaml`);
    expect(e.message).toContain('body.size');
  });

  it('names a missing key', () => {
    const c = cfg();
    delete c.margins.inner;
    expect(errorOf(c).message).toContain('margins.inner');
  });

  it('names an unknown key', () => {
    const c = cfg();
    c.body.colour = 'red';
    expect(errorOf(c).message).toMatch(/body.*colour/);
  });

  it('names a family that fonts does not define', () => {
    const c = cfg();
    c.notes.family = 'sans';
    expect(errorOf(c).message).toContain('notes.family');
  });
});
