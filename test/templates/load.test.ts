import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, listTemplates, loadTemplate } from '../../src/templates/load.js';
import { InputError, formatMessage } from '../../src/model/messages.js';
import { makeProject, removeProject } from '../cli/helpers.js';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));
const project = (templates: Record<string, string>) => {
  const dir = makeProject({ templates });
  projects.push(dir);
  return dir;
};

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.messages.map(formatMessage).join('\n');
    throw e;
  }
  return '';
}

describe('built-in templates', () => {
  it('a4 extends buch and takes every file it lacks from it', () => {
    const a4 = loadTemplate('a4', BUILTIN_TEMPLATES);
    expect(a4.description).toMatch(/^A4/);
    expect(a4.chain.map((d) => path.basename(d))).toEqual(['a4', 'buch']);
    expect(a4.file('labels.yaml')).toBe(path.join(BUILTIN_TEMPLATES, 'buch/labels.yaml'));
    expect(a4.labelsFor('de-CH').notes).toBe('Anmerkungen');
    expect(a4.labelsFor('fr').notes).toBe('Notes');
  });

  it('lists both, with descriptions', () => {
    const list = listTemplates(BUILTIN_TEMPLATES);
    expect(list.map((t) => t.name)).toEqual(expect.arrayContaining(['a4', 'buch']));
    expect(list.find((t) => t.name === 'a4')).toMatchObject({ extends: 'buch' });
    for (const t of list) expect(t.description).not.toMatch(/broken/);
  });
});

describe('user templates', () => {
  it('a project template shadows a built-in one of the same name, and may extend it', () => {
    const dir = project({ 'buch/template.yaml': 'description: Mein Buch\nextends: a4\n', 'selbst/template.yaml': 'description: S\nextends: selbst\n', 'eigen/template.yaml': 'description: Eigene Farben\nextends: buch\n', 'eigen/epub/style.css': 'body { color: navy }\n' });
    const list = listTemplates(dir);
    expect(list.find((t) => t.name === 'buch')).toMatchObject({ description: 'Mein Buch', dir: path.join(dir, 'templates/buch') });
    const eigen = loadTemplate('eigen', dir);
    expect(eigen.read('epub/style.css')).toContain('navy');
    expect(errorOf(() => loadTemplate('selbst', dir))).toMatch(/circle/);
    // eigen → project buch → built-in a4 → built-in buch (the project's buch is already in the chain).
    expect(eigen.chain).toEqual([path.join(dir, 'templates/eigen'), path.join(dir, 'templates/buch'), path.join(BUILTIN_TEMPLATES, 'a4'), path.join(BUILTIN_TEMPLATES, 'buch')]);
    expect(eigen.description).toBe('Eigene Farben');
    expect(eigen.file('epub/nav.xhtml.ejs')).toBe(path.join(BUILTIN_TEMPLATES, 'buch/epub/nav.xhtml.ejs'));
  });

  it('names a required file a template lacks', () => {
    const dir = project({ 'kahl/template.yaml': 'description: Ohne alles\n', 'kahl/labels.yaml': 'de: {}\n' });
    expect(errorOf(() => loadTemplate('kahl', dir, 'editions/x.yaml', ['epub']))).toMatch(/templates\/kahl\/epub\/content\.opf\.ejs: error: template `kahl` has no epub\/content\.opf\.ejs \[template-file-missing\]/);
  });

  it('checks only the files of the formats being built', () => {
    const epubFiles = ['content.opf.ejs', 'chapter.xhtml.ejs', 'nav.xhtml.ejs', 'toc.ncx.ejs', 'style.css'];
    const files = Object.fromEntries(epubFiles.map((f) => [`nur-epub/epub/${f}`, fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'buch/epub', f), 'utf8')]));
    const dir = project({ 'nur-epub/template.yaml': 'description: Nur EPUB\n', 'nur-epub/labels.yaml': fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'buch/labels.yaml'), 'utf8'), ...files });
    expect(loadTemplate('nur-epub', dir, 'x', ['epub']).name).toBe('nur-epub');
    expect(errorOf(() => loadTemplate('nur-epub', dir, 'x', ['pdf']))).toMatch(/has no pdf\.yaml \[template-file-missing\]/);
  });

  it('refuses unknown templates, broken template.yaml, incomplete labels and circles', () => {
    const dir = project({
      'kaputt/template.yaml': 'beschreibung: x\n',
      'labels/template.yaml': 'description: L\nextends: buch\n',
      // de merges over buch's German labels; nl is new here, so it must be complete.
      'labels/labels.yaml': 'de:\n  contents: Inhalt\nnl:\n  contents: Inhoud\n',
      'a/template.yaml': 'description: A\nextends: b\n',
      'b/template.yaml': 'description: B\nextends: a\n',
    });
    expect(errorOf(() => loadTemplate('fehlt', dir, 'editions/x.yaml'))).toMatch(/^editions\/x\.yaml: error: unknown template `fehlt` \(available: .*a4.*buch/);
    expect(errorOf(() => loadTemplate('kaputt', dir))).toMatch(/kaputt\/template\.yaml:1:1: error: .*\[template-invalid\]/);
    expect(errorOf(() => loadTemplate('labels', dir))).toMatch(/labels\/labels\.yaml:3:1: error: labels for `nl` lack notes, imprint/);
    expect(errorOf(() => loadTemplate('a', dir))).toMatch(/extend each other in a circle/);
    expect(listTemplates(dir).find((t) => t.name === 'kaputt')?.description).toMatch(/^\(broken/);
  });
});
