import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionCli, entryOf, helpHasCache, packageEntry } from './cli.js';

describe('helpHasCache', () => {
  it('finds the switch in either form yargs prints', () => {
    expect(helpHasCache('  --json      Print a summary  [boolean]\n  --cache     Keep parsed texts in .edition-cache/  [boolean] [default: true]\n')).toBe(true);
    expect(helpHasCache('  --no-cache  Build without .edition-cache/  [boolean]\n')).toBe(true);
  });
  it('does not take another option for it', () => {
    expect(helpHasCache('  --cache-dir  Where  [string]\n  --json  [boolean]\n')).toBe(false);
    expect(helpHasCache('Build editions\n  --watch  Rebuild when a source changes (uses no cache)\n')).toBe(false);
  });
});

describe('entryOf', () => {
  it('follows the exports field to the file an import loads', () => {
    expect(entryOf({ '.': { types: './src/index.ts', default: './src/index.mjs' } })).toBe('./src/index.mjs');
    expect(entryOf({ '.': { import: { types: './lib/index.d.ts', default: './lib/index.js' } } })).toBe('./lib/index.js');
    expect(entryOf('./lib/index.js')).toBe('./lib/index.js');
    expect(entryOf(undefined)).toBeUndefined();
  });
});

describe('editionCli and packageEntry', () => {
  it('runs the compiled CLI, and says how to make it when it is missing', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cli-'));
    expect(() => editionCli(repo)).toThrow(/npm run compile/);
    fs.mkdirSync(path.join(repo, 'lib/cli'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'lib/cli/bin.js'), '');
    expect(editionCli(repo)).toEqual({ argv: [process.execPath, path.join(repo, 'lib/cli/bin.js')], label: 'node lib/cli/bin.js (compiled)' });
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ exports: { '.': { types: './lib/index.d.ts', default: './lib/index.js' } } }));
    expect(packageEntry(repo)).toBe(path.join(repo, 'lib/index.js'));
    fs.rmSync(repo, { recursive: true });
  });
});
