import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/messages.js';
import { loadRecipe } from '../../src/import/recipe.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recipe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (body: string) => {
  const f = path.join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(f, body);
  return f;
};
const errorOf = (f: string) => {
  try {
    loadRecipe(f);
  } catch (e) {
    if (e instanceof InputError) return e.messages[0];
    throw e;
  }
  return undefined;
};

describe('recipes', () => {
  it('load the committed seed recipes', () => {
    for (const f of fs.readdirSync('sources/recipes')) expect(loadRecipe(path.join('sources/recipes', f)).recipe.id).toMatch(/^[a-z]/);
  });
  it('name an unknown field at its line', () => {
    expect(errorOf(write('title: X\ncut-afetr: Kontakt\n'))).toMatchObject({ rule: 'recipe-field', line: 2, reason: 'unknown field `cut-afetr`' });
  });
  it('name a wrong value, an unknown rule and a bad pattern at their line', () => {
    expect(errorOf(write('title: X\ndate: 17.11.1917\n'))).toMatchObject({ rule: 'recipe-field', line: 2 });
    expect(errorOf(write('rules:\n  hedings: false\n'))).toMatchObject({ rule: 'recipe-field' });
    expect(errorOf(write('cut-patterns: ["(unclosed"]\n'))).toMatchObject({ rule: 'recipe-field', line: 1 });
  });
  it('report invalid YAML at its line', () => {
    expect(errorOf(write('title: X\n  bad: : indent\n'))).toMatchObject({ rule: 'yaml-syntax' });
  });
});
