import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LABEL_KEYS, OPTIONAL_LABEL_KEYS } from '../../src/templates/labels.js';
import { BUILTIN_TEMPLATES, loadTemplate } from '../../src/templates/load.js';

const labels = parse(fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'buch/labels.yaml'), 'utf8')) as Record<string, Record<string, string>>;

describe('the labels of the built-in template', () => {
  it('cover German, English, French, Italian and Spanish', () => {
    expect(Object.keys(labels).sort()).toEqual(['de', 'en', 'es', 'fr', 'it']);
  });

  it.each(Object.keys(labels))('%s has every key, and only those, each a non-empty text', (lang) => {
    expect(Object.keys(labels[lang]!).sort()).toEqual([...LABEL_KEYS, ...OPTIONAL_LABEL_KEYS].sort());
    for (const key of [...LABEL_KEYS, ...OPTIONAL_LABEL_KEYS]) expect(labels[lang]![key], `${lang}.${key}`).toMatch(/\S/);
  });

  it('use the terms of each language', () => {
    const buch = loadTemplate('buch', BUILTIN_TEMPLATES);
    expect(buch.labelsFor('fr-CA')).toMatchObject({ contents: 'Table des matières', notes: 'Notes', backToText: 'retour au texte', noteRef: 'Note' });
    expect(buch.labelsFor('it')).toMatchObject({ contents: 'Indice', notes: 'Note', editedBy: 'A cura di', noteRef: 'Nota' });
    expect(buch.labelsFor('es-MX')).toMatchObject({ contents: 'Índice', notes: 'Notas', backToText: 'volver al texto', noteRef: 'Nota' });
    expect(buch.labelsFor('pt').contents).toBe('Contents');
  });

  it('follow French spacing themselves (the labels are not typeset)', () => {
    for (const value of Object.values(labels.fr!)) expect(value).not.toMatch(/ [;:!?]/);
    expect(labels.fr!.accessibilitySummary).toContain('\u202f;');
  });
});
