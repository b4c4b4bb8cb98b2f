/** The fixture library (test/fixtures/library), loaded once per test file. */
import path from 'node:path';
import { loadLibrary, type Library } from '../../src/library/load.js';
import { Reporter } from '../../src/model/messages.js';
import { FIXTURE_LIBRARY, REPO } from '../cli/helpers.js';

let cached: Library | undefined;
export function fixtureLibrary(): Library {
  cached ??= loadLibrary(FIXTURE_LIBRARY, { projectRoot: REPO, reporter: new Reporter() });
  return cached;
}

export const ids = (items: { text: { meta: { id: string } } }[]) => items.map((s) => s.text.meta.id);
export { path };
