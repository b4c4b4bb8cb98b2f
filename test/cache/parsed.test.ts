/**
 * The parse cache through the library loader: which texts are parsed again,
 * and that a hit reports what a cold parse reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import { InputError, Reporter, type Message } from '../../src/model/messages.js';
import { CACHE_DIR, FileCache } from '../../src/cache/store.js';
import { PARSE_NAMESPACE } from '../../src/cache/parsed.js';
import { FIXTURE_LIBRARY } from '../cli/helpers.js';
import { tinyPng } from '../helpers/png.js';
import { source } from '../helpers/project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A project with the fixture library plus a text with warnings, one with an image, and one with an error. */
function project(): { root: string; sources: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-parse-cache-'));
  dirs.push(root);
  const sources = path.join(root, 'sources');
  fs.cpSync(FIXTURE_LIBRARY, sources, { recursive: true });
  fs.writeFileSync(path.join(sources, 'warnt.md'), source({ title: 'Warnt', autor: 'X' }, 'Ein Verweis[^1] und "gerade Zeichen".\n\n[^1]: Eine Note.\n\n[^2]: Nie verwiesen.\n'));
  fs.mkdirSync(path.join(root, 'bilder'));
  fs.writeFileSync(path.join(root, 'bilder', 'a.png'), tinyPng());
  fs.writeFileSync(path.join(sources, 'bild.md'), source({ title: 'Bild' }, 'Vorher.\n\n![Ein Bild](../bilder/a.png)\n\nNachher.\n'));
  return { root, sources };
}

function load(p: { root: string; sources: string }, cache?: FileCache) {
  const reporter = new Reporter();
  try {
    const library = loadLibrary(p.sources, { projectRoot: p.root, reporter, ...(cache ? { cache } : {}) });
    return { library, messages: reporter.messages, error: undefined as Message[] | undefined };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { library: undefined, messages: reporter.messages, error: e.messages };
  }
}

const names = (files: string[] | undefined) => (files ?? []).map((f) => path.basename(f)).sort();
/** The texts without object identity, for comparing a cached library with a parsed one. */
const plain = (l: ReturnType<typeof load>['library']) => JSON.parse(JSON.stringify(l!.sources));

describe('parse cache', () => {
  it('a second load parses nothing; after editing one source only that one is parsed again', () => {
    const p = project();
    const cold = load(p, new FileCache(p.root));
    expect(names(cold.library!.parsed)).toHaveLength(7);
    expect(cold.library!.cached).toEqual([]);
    expect(cold.messages.length, 'the warnings of warnt.md').toBeGreaterThan(1);

    const warm = load(p, new FileCache(p.root));
    expect(warm.library!.parsed).toEqual([]);
    expect(names(warm.library!.cached)).toEqual(names(cold.library!.parsed));
    expect(plain(warm.library)).toEqual(plain(cold.library));
    expect(warm.messages, 'the same warnings, in the same order').toEqual(cold.messages);
    expect(warm.library!.warnings).toEqual(cold.library!.warnings);
    expect([...warm.library!.byId.keys()]).toEqual([...cold.library!.byId.keys()]);

    const file = path.join(p.sources, 'lenin-brief.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n$/, '\n\nEin neuer Absatz.\n'));
    const edited = load(p, new FileCache(p.root));
    expect(names(edited.library!.parsed)).toEqual(['lenin-brief.md']);
    expect(edited.library!.cached).toHaveLength(6);
    const fresh = load(p);
    expect(plain(edited.library)).toEqual(plain(fresh.library));
  });

  it('a source with an error fails a cached load with the same messages as a cold one', () => {
    const p = project();
    fs.writeFileSync(path.join(p.sources, 'kaputt.md'), source({ title: 'Kaputt' }, 'Ein Verweis ohne Note[^x].\n'));
    const cold = load(p, new FileCache(p.root));
    expect(cold.error?.some((m) => m.file.endsWith('kaputt.md') && m.line !== undefined)).toBe(true);
    const warm = load(p, new FileCache(p.root));
    expect(warm.error).toEqual(cold.error);
    expect(warm.messages).toEqual(cold.messages);
  });

  it('a truncated cache entry is parsed again and rewritten, not a crash', () => {
    const p = project();
    load(p, new FileCache(p.root));
    const dir = path.join(p.root, CACHE_DIR, PARSE_NAMESPACE);
    const victim = fs.readdirSync(dir).sort()[0]!;
    const whole = fs.readFileSync(path.join(dir, victim));
    fs.writeFileSync(path.join(dir, victim), whole.subarray(0, Math.floor(whole.length / 2)));
    const again = load(p, new FileCache(p.root));
    expect(again.library!.parsed).toHaveLength(1);
    expect(again.library!.cached).toHaveLength(6);
    expect(fs.readFileSync(path.join(dir, victim)).equals(whole), 'rewritten whole').toBe(true);
    expect(plain(again.library)).toEqual(plain(load(p).library));
  });

  it('an entry is not served when a file it relied on changed: an image that is no longer an image', () => {
    const p = project();
    load(p, new FileCache(p.root));
    fs.writeFileSync(path.join(p.root, 'bilder', 'a.png'), 'not a picture');
    const again = load(p, new FileCache(p.root));
    expect(again.error?.map((m) => m.rule)).toEqual(['image-invalid']);
    expect(again.error).toEqual(load(p).error);
  });

  it('an entry is not served when a link no longer leads where it led: a symbolic link re-pointed out of the project', () => {
    const p = project();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-outside-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'fremd.md'), source({ title: 'Fremd' }, 'Draußen.\n'));
    fs.writeFileSync(path.join(p.root, 'ziel.md'), source({ title: 'Ziel' }, 'Drinnen.\n'));
    fs.symlinkSync(path.join(p.root, 'ziel.md'), path.join(p.root, 'verweis.md'));
    fs.writeFileSync(path.join(p.sources, 'link.md'), source({ title: 'Link' }, 'Siehe [dort](../verweis.md).\n'));
    expect(load(p, new FileCache(p.root)).error).toBeUndefined();
    fs.rmSync(path.join(p.root, 'verweis.md'));
    fs.symlinkSync(path.join(outside, 'fremd.md'), path.join(p.root, 'verweis.md'));
    const again = load(p, new FileCache(p.root));
    expect(again.error?.map((m) => m.rule)).toEqual(['path-outside-project']);
    expect(again.error).toEqual(load(p).error);
  });

  it('a library moved to another folder still hits, and its texts name the new paths', () => {
    const p = project();
    load(p, new FileCache(p.root));
    const moved = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-moved-'));
    dirs.push(moved);
    fs.cpSync(p.root, moved, { recursive: true });
    const q = { root: moved, sources: path.join(moved, 'sources') };
    const warm = load(q, new FileCache(q.root));
    expect(warm.library!.parsed).toEqual([]);
    expect(plain(warm.library)).toEqual(plain(load(q).library));
    expect(warm.library!.sources.every((s) => s.text.file.startsWith(moved))).toBe(true);
  });
});
