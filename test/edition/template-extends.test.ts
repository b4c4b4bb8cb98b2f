/**
 * Issue 8, item 16: a template that extends another names only the pdf.yaml
 * keys it changes. Mappings merge key by key, lists and values replace; font
 * paths stay relative to the pdf.yaml that names them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/edition/build.js';
import { loadTemplate } from '../../src/templates/load.js';
import { deepMerge } from '../../src/templates/merge.js';
import { source, TempProject } from '../helpers/project.js';
import { qpdfCheck, skipUnlessTool } from '../helpers/validators.js';

let p: TempProject;
beforeAll(() => {
  p = new TempProject({
    'sources/text.md': source({ title: 'Text', date: '1920' }, 'Ein Absatz mit etwas Text.[^1]\n\n[^1]: Eine Anmerkung.\n'),
    'templates/gross/template.yaml': 'description: A5 mit größerer Schrift\nextends: buch\n',
    // One nested key changes; everything else comes from buch.
    'templates/gross/pdf.yaml': 'body: { size: 11.5 }\n',
    'templates/fremd/template.yaml': 'description: Eigene Schrift\nextends: gross\n',
    'templates/fremd/pdf.yaml': `fonts:\n  serif:\n    regular: fonts/Regular.ttf\n`,
    'templates/fremd/fonts/Regular.ttf': fs.readFileSync(path.resolve('node_modules/source-serif/TTF/SourceSerif4-Regular.ttf')),
  });
});
afterAll(() => p.remove());

describe('deepMerge', () => {
  it('merges mappings recursively and replaces lists and values', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { c: [3] }, e: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 'x', e: 2 });
  });
});

describe('a pdf.yaml that changes one key', () => {
  it('is deep-merged over the template it extends', () => {
    const buch = loadTemplate('buch', p.dir).pdfConfig as Record<string, Record<string, unknown>>;
    const gross = loadTemplate('gross', p.dir).pdfConfig as Record<string, Record<string, unknown>>;
    expect(gross.body).toEqual({ ...buch.body, size: 11.5 });
    expect({ ...gross, body: buch.body }).toEqual(buch);
    const fremd = loadTemplate('fremd', p.dir).pdfConfig as { fonts: { serif: Record<string, string> } };
    expect(fremd.fonts.serif.regular).toBe(p.path('templates/fremd/fonts/Regular.ttf'));
    expect(fremd.fonts.serif.italic).toBe((buch.fonts as { serif: Record<string, string> }).serif.italic);
  });

  it('builds a PDF; a wrong key is reported at its line in the pdf.yaml that sets it', async () => {
    const result = await buildEdition({ manifest: { title: 'Groß', texts: ['text'], template: 'fremd', formats: ['pdf'] } }, { projectRoot: p.dir });
    expect(result.files[0]!.pages).toBeGreaterThan(0);
    if (!skipUnlessTool('qpdf', 'apt-get install qpdf')) expect(qpdfCheck(result.files[0]!.path)).toEqual([]);
    p.write('templates/gross/pdf.yaml', 'body:\n  size: groß\n');
    await expect(buildEdition({ manifest: { title: 'Groß', texts: ['text'], template: 'gross', formats: ['pdf'] } }, { projectRoot: p.dir })).rejects.toThrow(/gross\/pdf\.yaml:2:3: error: .*body\.size/);
  });
});

describe('a message about a key the template inherits', () => {
  it('names the pdf.yaml that sets the key and its line there, not the extending template', async () => {
    p.write('templates/gross/pdf.yaml', 'body: { size: 11.5 }\n');
    // Lulu asks for 0.5 in at the top; buch's running head sits nearer the edge. gross sets no runningHead of its own.
    const result = await buildEdition({ manifest: { title: 'Groß', texts: ['text'], template: 'gross', formats: ['pdf'], print: { profile: 'lulu' } } }, { projectRoot: p.dir });
    const warning = result.warnings.find((m) => m.rule === 'print-margin');
    expect(warning, JSON.stringify(result.warnings)).toBeDefined();
    const buchYaml = path.resolve('templates/buch/pdf.yaml');
    expect(warning!.file).toBe(buchYaml);
    const line = fs.readFileSync(buchYaml, 'utf8').split('\n')[warning!.line! - 1]!;
    expect(line).toMatch(/^runningHead:.*offset/);
  });
});

describe('a labels.yaml that changes one word', () => {
  it('is merged over the labels of the template it extends; a language it adds must be complete', async () => {
    p.write('templates/gross/labels.yaml', 'de:\n  contents: Inhaltsverzeichnis\n');
    const buch = loadTemplate('buch', p.dir);
    const gross = loadTemplate('gross', p.dir);
    expect(gross.labelsFor('de')).toEqual({ ...buch.labelsFor('de'), contents: 'Inhaltsverzeichnis' });
    expect(gross.labelsFor('fr')).toEqual(buch.labelsFor('fr'));
    const result = await buildEdition({ manifest: { title: 'Groß', texts: ['text'], template: 'gross', formats: ['epub'] } }, { projectRoot: p.dir });
    expect(result.files[0]!.path.endsWith('.epub')).toBe(true);
    p.write('templates/gross/labels.yaml', 'de:\n  contents: Inhaltsverzeichnis\nnl:\n  contents: Inhoud\n');
    expect(() => loadTemplate('gross', p.dir)).toThrow(/gross\/labels\.yaml:3:\d+: error: labels for `nl` lack notes/);
    fs.rmSync(p.path('templates/gross/labels.yaml'));
  });
});
