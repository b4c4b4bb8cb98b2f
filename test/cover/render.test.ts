/** The template's cover drawn to PNG: size, determinism, distinct designs, inheritance along `extends`, and a long title. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/templates/load.js';
import { coverKit, coverSvg, coverTexts, renderEbookCover } from '../../src/cover/render.js';
import { imageInfo } from '../../src/cover/own.js';
import { Reporter, InputError } from '../../src/model/messages.js';
import { edition, text } from '../helpers/model-builders.js';
import { REPO } from '../helpers/project.js';

const sample = () => edition({ title: 'Die Russische Revolution', subtitle: 'Dokumente und Analysen', publisher: 'Edition Rote Reihe', series: 'Texte zur Geschichte', texts: [text({ authors: ['W. I. Lenin'] })] });

describe('ebook cover', () => {
  it('is a 1600 × 2560 PNG, byte-identical when drawn twice', () => {
    const t = loadTemplate('buch', REPO);
    const a = renderEbookCover(sample(), t);
    const b = renderEbookCover(sample(), loadTemplate('buch', REPO));
    expect(imageInfo(a)).toEqual({ mediaType: 'image/png', width: 1600, height: 2560 });
    expect(a.equals(b)).toBe(true);
  });

  it('buch and a4 have distinct designs', () => {
    const buch = renderEbookCover(sample(), loadTemplate('buch', REPO));
    const a4 = renderEbookCover(sample(), loadTemplate('a4', REPO));
    expect(buch.equals(a4)).toBe(false);
    expect(fs.readFileSync(path.join(REPO, 'templates/a4/cover/cover.svg.ejs'), 'utf8')).not.toBe(fs.readFileSync(path.join(REPO, 'templates/buch/cover/cover.svg.ejs'), 'utf8'));
  });

  it('says what the edition says: title, subtitle, author, series, publisher; editors when the texts have several authors', () => {
    const svg = coverSvg({ kit: coverKit(loadTemplate('buch', REPO)), texts: coverTexts(sample(), loadTemplate('buch', REPO)), lang: 'de', canvas: { width: 1600, height: 2560 }, trim: { x: 0, y: 0, width: 1600, height: 2560 } });
    for (const s of ['Die Russische', 'Revolution', 'Dokumente und Analysen', 'W. I. Lenin', 'TEXTE ZUR GESCHICHTE', 'EDITION ROTE REIHE']) expect(svg).toContain(s);
    const anthology = edition({ title: 'Lesebuch', editors: ['Anna Beispiel'], texts: [text({ authors: ['A'] }), text({ id: 'b', authors: ['B'] })] });
    expect(coverTexts(anthology, loadTemplate('buch', REPO)).authors).toBe('Herausgegeben von Anna Beispiel');
  });

  it('fits a very long title and a long single word inside the cover without warnings', () => {
    const reporter = new Reporter();
    const long = edition({ title: 'Über die Notwendigkeit einer gründlichen Untersuchung der gesellschaftlichen Verhältnisse im Zeitalter der Revolutionen und Gegenrevolutionen in Mitteleuropa', subtitle: 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft', texts: [text({ authors: ['Karl Marx'] })] });
    const kit = coverKit(loadTemplate('buch', REPO));
    const svg = coverSvg({ kit, texts: coverTexts(long, loadTemplate('buch', REPO)), lang: 'de', canvas: { width: 1600, height: 2560 }, trim: { x: 0, y: 0, width: 1600, height: 2560 }, reporter });
    expect(reporter.messages).toEqual([]);
    // Every line starts inside the cover's width (centred anchors: x is the middle).
    for (const m of svg.matchAll(/<tspan x="([\d.]+)" y="([\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThan(0);
      expect(Number(m[2])).toBeLessThan(2560);
    }
    expect(svg).toMatch(/Donaudampf\S*-<\/tspan>/);
  });

  it('a title that cannot fit even at the smallest size is cut with "…" and a cover-text-cut warning', () => {
    const reporter = new Reporter();
    const endless = edition({ title: Array.from({ length: 120 }, (_, i) => `Wort${i}`).join(' '), origin: 'editions/x.yaml', texts: [text({ authors: ['A'] })] });
    const t = loadTemplate('buch', REPO);
    const svg = coverSvg({ kit: coverKit(t), texts: coverTexts(endless, t), lang: 'de', canvas: { width: 1600, height: 2560 }, trim: { x: 0, y: 0, width: 1600, height: 2560 }, reporter, origin: 'editions/x.yaml' });
    expect(svg).toMatch(/…<\/tspan>/);
    expect(reporter.messages.map((m) => `${m.file} ${m.rule}`)).toEqual(['editions/x.yaml cover-text-cut']);
  });

  it('a template that extends buch without a cover of its own inherits it; one that names only colours keeps the rest', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cover-tpl-'));
    try {
      fs.mkdirSync(path.join(root, 'templates/plain'), { recursive: true });
      fs.writeFileSync(path.join(root, 'templates/plain/template.yaml'), 'description: plain\nextends: buch\n');
      fs.mkdirSync(path.join(root, 'templates/blue'), { recursive: true });
      fs.writeFileSync(path.join(root, 'templates/blue/template.yaml'), 'description: blue\nextends: buch\ncover:\n  colors: { background: "#dde6f0" }\n');
      const buch = renderEbookCover(sample(), loadTemplate('buch', REPO));
      expect(renderEbookCover(sample(), loadTemplate('plain', root)).equals(buch)).toBe(true);
      const blue = loadTemplate('blue', root);
      expect(coverKit(blue).design.colors).toMatchObject({ background: '#dde6f0', ink: '#26231f' });
      expect(renderEbookCover(sample(), blue).equals(buch)).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a template copied before covers existed (no cover section, no cover/ folder) draws the buch cover', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cover-tpl-'));
    try {
      fs.cpSync(path.join(REPO, 'templates/buch'), path.join(root, 'templates/alt'), { recursive: true });
      fs.rmSync(path.join(root, 'templates/alt/cover'), { recursive: true });
      const yaml = fs.readFileSync(path.join(root, 'templates/alt/template.yaml'), 'utf8');
      fs.writeFileSync(path.join(root, 'templates/alt/template.yaml'), yaml.slice(0, yaml.indexOf('\ncover:')) + '\n');
      const alt = loadTemplate('alt', root);
      expect(alt.coverConfig).toBeUndefined();
      expect(renderEbookCover(sample(), alt).equals(renderEbookCover(sample(), loadTemplate('buch', REPO)))).toBe(true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a broken design is an error at its line in template.yaml', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cover-tpl-'));
    try {
      fs.mkdirSync(path.join(root, 'templates/bad'), { recursive: true });
      fs.writeFileSync(path.join(root, 'templates/bad/template.yaml'), 'description: bad\nextends: buch\ncover:\n  slots:\n    title: { font: heavy }\n');
      let error: unknown;
      try {
        coverKit(loadTemplate('bad', root));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      const m = (error as InputError).messages[0]!;
      expect(m.file).toBe(path.join(root, 'templates/bad/template.yaml'));
      expect(m.line).toBe(5);
      expect(m.reason).toMatch(/cover\.slots\.title\.font: unknown font `heavy`/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
