/**
 * The package entry for plain Node (src/index.mjs) re-exports the API of
 * src/index.ts by name; this keeps the two lists equal, and proves that a
 * consumer without tsx can import the package and build an edition.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as api from '../src/index.js';

const ENTRY = path.resolve(import.meta.dirname, '../src/index.mjs');

describe('package entry', () => {
  it('re-exports every value of src/index.ts, in plain Node', () => {
    const script = `const m = await import(${JSON.stringify(ENTRY)}); console.log(JSON.stringify(Object.keys(m).sort()));`;
    const names = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
    expect(names).toEqual(Object.keys(api).sort());
  });
});
