import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import { AUTHORS, generateCorpus, selections, wholeEdition, writeProject, type Project } from './corpus.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../sources');
const sampleBytes = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.md')).reduce((n, f) => n + fs.statSync(path.join(SAMPLES, f)).size, 0);
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('generateCorpus', () => {
  const corpus = generateCorpus(SAMPLES, 3);
  made.push(corpus.dir);
  it('writes each sample once per copy, with distinct ids that name the files', () => {
    expect(corpus.ids).toEqual([
      'lenin-1917-zk-aufruf-1', 'rote-armee-komintern-lenins-letzter-kampf-1',
      'lenin-1917-zk-aufruf-2', 'rote-armee-komintern-lenins-letzter-kampf-2',
      'lenin-1917-zk-aufruf-3', 'rote-armee-komintern-lenins-letzter-kampf-3',
    ]);
    expect(fs.readdirSync(corpus.dir).sort()).toEqual(corpus.ids.map((id) => `${id}.md`).sort());
    for (const id of corpus.ids) expect(matter(fs.readFileSync(path.join(corpus.dir, `${id}.md`), 'utf8'), {}).data.id).toBe(id);
  });
  it('counts the bytes it wrote: about copies × the samples', () => {
    const onDisk = corpus.ids.reduce((n, id) => n + fs.statSync(path.join(corpus.dir, `${id}.md`)).size, 0);
    expect(corpus.bytes).toBe(onDisk);
    // The front matter changes a little (ids, authors, dates); the bodies are the samples'.
    expect(Math.abs(corpus.bytes - 3 * sampleBytes) / (3 * sampleBytes)).toBeLessThan(0.02);
  });
  it('varies authors and dates so selections differ', () => {
    const metas = corpus.ids.map((id) => matter(fs.readFileSync(path.join(corpus.dir, `${id}.md`), 'utf8'), {}).data as { author: string; date: string });
    expect(new Set(metas.map((m) => m.author)).size).toBe(Math.min(6, AUTHORS.length));
    expect(new Set(metas.map((m) => m.date)).size).toBe(6);
  });
});

describe('writeProject', () => {
  let project: Project;
  it('lays out sources/ and editions/ as a user project, the whole corpus as one edition', () => {
    project = writeProject(SAMPLES, 2, wholeEdition(2));
    made.push(project.root);
    expect(project.manifests).toEqual(['editions/x2.yaml']);
    expect(fs.readdirSync(path.join(project.root, 'sources'))).toHaveLength(4);
    const { manifest } = loadManifest(path.join(project.root, 'editions/x2.yaml'));
    expect(manifest.texts).toEqual(project.ids);
    expect(manifest.title).toBe('Korpus ×2');
  });
});

describe('selections', () => {
  it('writes 100 valid manifests that name only texts of the library', () => {
    const project = writeProject(SAMPLES, 100, selections);
    made.push(project.root);
    expect(project.ids).toHaveLength(200);
    expect(project.manifests).toHaveLength(100);
    expect(project.manifests[0]).toBe('editions/sel-001.yaml');
    const known = new Set(project.ids);
    const kinds = new Set<string>();
    for (const file of project.manifests) {
      const { manifest } = loadManifest(path.join(project.root, file));
      kinds.add(manifest.parts ? 'parts' : manifest.query ? 'query' : 'texts');
      const named = [...(manifest.texts ?? []), ...(manifest.parts ?? []).flatMap((p) => p.texts ?? [])];
      for (const id of named) expect(known.has(id as string)).toBe(true);
    }
    expect(kinds).toEqual(new Set(['parts', 'query', 'texts']));
  });
  it('is deterministic', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `t-${i}`);
    expect(selections(ids)).toEqual(selections(ids));
  });
});
