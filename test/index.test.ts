/**
 * The package as a consumer gets it: package.json's `bin` and `exports` point
 * at compiled files in lib/ (built by vitest's global setup, as `prepare`
 * builds them on install), the compiled entry exports what src/index.ts
 * exports, and another project that depends on `edition` imports it by name
 * and builds an edition in plain Node, with no TypeScript loader.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as api from '../src/index.js';
import { formatFinding, javaEpubcheck } from './helpers/validators.js';

const REPO = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  exports: Record<string, { types: string; default: string }>;
};

/** Runs an ES module script with plain node in `cwd`; returns its stdout. */
const runModule = (cwd: string, script: string) => execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });

describe('package entry', () => {
  it('points bin and exports at compiled files that exist', () => {
    const bin = path.join(REPO, pkg.bin.edition!);
    expect(pkg.bin.edition).toBe('lib/cli/bin.js');
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
    expect(fs.existsSync(path.join(REPO, pkg.exports['.']!.default))).toBe(true);
    expect(fs.existsSync(path.join(REPO, pkg.exports['.']!.types))).toBe(true);
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });

  it('is imported by name from another project and builds an edition in plain Node', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-consumer-'));
    try {
      // What `npm install ../edition` makes of a file: dependency: a link in node_modules.
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.symlinkSync(REPO, path.join(dir, 'node_modules', 'edition'), 'dir');
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', dependencies: { edition: 'file:' + REPO } }));
      fs.cpSync(path.join(REPO, 'test/fixtures/library'), path.join(dir, 'sources'), { recursive: true });
      const script = `
        import * as edition from 'edition';
        const library = edition.loadLibrary('sources', { reporter: new edition.Reporter() });
        const result = await edition.buildEdition({ manifest: { title: 'Probe', lang: 'de', formats: ['epub'], query: {} } }, { library, outDir: 'out' });
        console.log(JSON.stringify({ names: Object.keys(edition).sort(), files: result.files.map((f) => f.format) }));`;
      const out = JSON.parse(runModule(dir, script)) as { names: string[]; files: string[] };
      expect(out.names).toEqual(Object.keys(api).sort());
      expect(out.files).toEqual(['epub']);
      expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['probe.epub']);
      expect(javaEpubcheck(path.join(dir, 'out/probe.epub')).map(formatFinding)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
