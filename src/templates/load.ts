/**
 * Templates: templates/<name>/ holds everything one look needs. A template
 * may `extend` another; a file it lacks is taken from its parent (like
 * pandoc's user data directory shadowing the defaults).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { InputError, fail } from '../model/messages.js';
import { parseYaml, type YamlFile } from '../parse/yaml-positions.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { LABEL_KEYS, type Labels } from './labels.js';
import { absoluteFontPaths, deepMerge, hasPath } from './merge.js';

/** The templates shipped with the package, found wherever `edition` is installed. */
export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

/**
 * Files a template must provide (itself or through `extends`), per format.
 * Only the formats being built are checked, so an EPUB-only template (or an
 * EPUB build while a template's pdf.yaml is still being written) works.
 */
export const REQUIRED_FILES_BY_FORMAT = {
  common: ['labels.yaml'],
  epub: ['epub/content.opf.ejs', 'epub/chapter.xhtml.ejs', 'epub/nav.xhtml.ejs', 'epub/toc.ncx.ejs', 'epub/style.css'],
  pdf: ['pdf.yaml'],
} as const;

/** Every file a template for all formats needs. */
export const REQUIRED_FILES = [...REQUIRED_FILES_BY_FORMAT.common, ...REQUIRED_FILES_BY_FORMAT.pdf, ...REQUIRED_FILES_BY_FORMAT.epub] as const;

export type TemplateFormat = 'epub' | 'pdf';

const templateYaml = z
  .object({
    description: z.string().trim().min(1),
    extends: z.string().trim().min(1).optional(),
    /** EPUB options; a template that extends another inherits the ones it does not set. */
    epub: z
      .object({
        /** Insert soft hyphens (U+00AD) from the PDF's patterns, for readers that do not hyphenate; off by default (README, "EPUB hyphenation"). */
        'soft-hyphens': z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** The cover design's settings (fonts, colours, text boxes); checked by src/cover/design.ts, merged along `extends` key by key. */
    cover: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** EPUB options of a template, resolved along its `extends` chain. */
export interface EpubOptions {
  softHyphens: boolean;
}

export interface Template {
  name: string;
  dir: string;
  description: string;
  /** Absolute path of a template file, following `extends`. */
  file(rel: (typeof REQUIRED_FILES)[number] | string): string;
  read(rel: (typeof REQUIRED_FILES)[number]): string;
  /** Parsed pdf.yaml (read on first use: EPUB-only builds need no pdf.yaml). */
  readonly pdfConfig: unknown;
  /** Line and column of a key of pdf.yaml, for messages about it. */
  /** Where a pdf.yaml key is set: the file of the layer that sets it (a template's own, or one it extends) and the line there. */
  pdfPositionOf(path: (string | number)[]): { file: string; line: number; column: number };
  /** The folders of the `extends` chain, the template's own first. */
  chain: string[];
  /** Options of template.yaml's `epub` section. */
  epub: EpubOptions;
  labelsFor(lang: string): Labels;
  /** template.yaml's `cover` sections along the chain, merged (own keys win), font paths absolute; undefined when no layer has one. */
  coverConfig: unknown;
  /** template.yaml of the chain that sets a cover key (the template's own first), with the key's line, for messages. */
  coverPositionOf(keys: (string | number)[]): { file: string; line: number; column: number };
}

/** Folders searched for templates: the project's own first, then the built-in ones. */
export function templateSearchPath(projectRoot: string): string[] {
  const own = path.resolve(projectRoot, 'templates');
  return own === BUILTIN_TEMPLATES ? [own] : [own, BUILTIN_TEMPLATES];
}

export interface TemplateInfo {
  name: string;
  dir: string;
  description: string;
  extends?: string;
}

/** Every template a project can use: its own templates/ first (shadowing built-ins of the same name). */
export function listTemplates(projectRoot: string): TemplateInfo[] {
  const seen = new Map<string, TemplateInfo>();
  for (const base of templateSearchPath(projectRoot)) {
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base).sort()) {
      const yamlFile = path.join(base, name, 'template.yaml');
      if (seen.has(name) || !fs.existsSync(yamlFile)) continue;
      let info: TemplateInfo;
      try {
        const y = readTemplateYaml(yamlFile);
        info = { name, dir: path.join(base, name), description: y.description, ...(y.extends ? { extends: y.extends } : {}) };
      } catch (e) {
        info = { name, dir: path.join(base, name), description: e instanceof InputError ? `(broken: ${e.messages[0]!.reason})` : '(broken)' };
      }
      seen.set(name, info);
    }
  }
  return [...seen.values()];
}

/** A cover section's font paths (`fonts: {name: path}`) made absolute: relative ones are relative to their own template folder. */
function coverFontPaths(cover: Record<string, unknown>, dir: string): Record<string, unknown> {
  const fonts = cover.fonts;
  if (typeof fonts !== 'object' || fonts === null || Array.isArray(fonts)) return cover;
  const absolute = (spec: unknown) => (typeof spec === 'string' && !spec.startsWith('npm:') && !path.isAbsolute(spec) ? path.join(dir, spec) : spec);
  return { ...cover, fonts: Object.fromEntries(Object.entries(fonts).map(([k, v]) => [k, absolute(v)])) };
}

function readTemplateYaml(file: string): z.infer<typeof templateYaml> {
  const yaml = parseYaml(fs.readFileSync(file, 'utf8'), file);
  const r = templateYaml.safeParse(yaml.data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    fail('template-invalid', `${issue.path.join('.') || 'template.yaml'}: ${issue.message}`, { file, ...yaml.positionOf(issue.path as string[]) });
  }
  return r.data;
}

/**
 * The folder of template `name`, skipping folders already in the `extends`
 * chain: so a project's templates/buch may say `extends: buch` and get the
 * built-in one beneath it (like pandoc's user data dir over its defaults).
 */
/** Where a template was asked for: a file, or a place in a manifest. */
type Origin = string | { file: string; line?: number; column?: number };

function findTemplateDir(name: string, projectRoot: string, origin: Origin, chain: readonly string[] = []): string {
  const from = typeof origin === 'string' ? { file: origin } : origin;
  const found = templateSearchPath(projectRoot).map((base) => path.join(base, name)).filter((dir) => fs.existsSync(path.join(dir, 'template.yaml')));
  const next = found.find((dir) => !chain.includes(dir));
  if (next) return next;
  if (found.length) fail('template-invalid', 'templates extend each other in a circle', from);
  const known = listTemplates(projectRoot).map((t) => t.name);
  return fail('template-unknown', `unknown template \`${name}\` (available: ${known.join(', ') || 'none'})`, from);
}

/**
 * Loads template `name`; `from` names the manifest that asked for it, for
 * messages; `formats` limits the required-file check to what will be built.
 */
export function loadTemplate(name: string, projectRoot: string, from: Origin = name, formats: readonly TemplateFormat[] = ['epub', 'pdf']): Template {
  const chain: string[] = [];
  let dir = findTemplateDir(name, projectRoot, from);
  let description = '';
  let softHyphens: boolean | undefined;
  const coverLayers: { file: string; cover: Record<string, unknown> }[] = [];
  for (;;) {
    chain.push(dir);
    const y = readTemplateYaml(path.join(dir, 'template.yaml'));
    if (y.cover) coverLayers.push({ file: path.join(dir, 'template.yaml'), cover: coverFontPaths(y.cover, dir) });
    description ||= y.description;
    softHyphens ??= y.epub?.['soft-hyphens'];
    if (!y.extends) break;
    dir = findTemplateDir(y.extends, projectRoot, path.join(dir, 'template.yaml'), chain);
  }
  const file = (rel: string) => {
    for (const d of chain) {
      const f = path.join(d, rel);
      if (fs.existsSync(f)) return f;
    }
    return fail('template-file-missing', `template \`${name}\` has no ${rel}`, { file: path.join(chain[0]!, rel) });
  };
  for (const rel of [...REQUIRED_FILES_BY_FORMAT.common, ...formats.flatMap((f) => REQUIRED_FILES_BY_FORMAT[f])]) file(rel);
  // labels.yaml merges along the chain like pdf.yaml: a template that extends another
  // names only the words it changes (a language, or one label of a language).
  const labelLayers = chain
    .filter((d) => fs.existsSync(path.join(d, 'labels.yaml')))
    .map((d) => ({ file: path.join(d, 'labels.yaml'), yaml: parseYaml(fs.readFileSync(path.join(d, 'labels.yaml'), 'utf8'), path.join(d, 'labels.yaml')) }));
  const labelsFile = labelLayers[0]?.file ?? file('labels.yaml');
  const labels = labelLayers.reduceRight<unknown>((base, layer) => deepMerge(base, layer.yaml.data), undefined) as Record<string, Partial<Labels>> | null;
  if (!labels || typeof labels !== 'object' || !labels.de && !labels.en) {
    fail('template-invalid', 'labels.yaml must map languages (de, en, …) to labels', { file: labelsFile, line: 1 });
  }
  for (const [lang, set] of Object.entries(labels)) {
    const missing = LABEL_KEYS.filter((k) => typeof set?.[k] !== 'string');
    const layer = labelLayers.find((l) => hasPath(l.yaml.data, [lang])) ?? labelLayers[0]!;
    if (missing.length) fail('template-invalid', `labels for \`${lang}\` lack ${missing.join(', ')}`, { file: layer.file, ...layer.yaml.positionOf([lang]) });
  }
  // Every pdf.yaml of the chain, own first; merged lazily (EPUB-only builds need none).
  let pdfLayers: { dir: string; yaml: YamlFile }[] | undefined;
  let pdfMerged: unknown;
  const readPdf = () => {
    if (!pdfLayers) {
      pdfLayers = chain.filter((d) => fs.existsSync(path.join(d, 'pdf.yaml'))).map((d) => ({ dir: d, yaml: parseYaml(fs.readFileSync(path.join(d, 'pdf.yaml'), 'utf8'), path.join(d, 'pdf.yaml')) }));
      if (pdfLayers.length === 0) file('pdf.yaml');
      pdfMerged = pdfLayers.reduceRight<unknown>((base, layer) => deepMerge(base, absoluteFontPaths(layer.yaml.data, layer.dir)), undefined);
    }
    return { layers: pdfLayers, merged: pdfMerged };
  };
  return {
    name,
    dir: chain[0]!,
    chain,
    description,
    epub: { softHyphens: softHyphens ?? false },
    file,
    read: (rel) => fs.readFileSync(file(rel), 'utf8'),
    get pdfConfig() {
      return readPdf().merged;
    },
    // The line of a key in the layer that sets it (the template's own pdf.yaml first).
    pdfPositionOf: (keys) => {
      const { layers } = readPdf();
      const layer = layers.find((l) => hasPath(l.yaml.data, keys)) ?? layers[0]!;
      return { file: path.join(layer.dir, 'pdf.yaml'), ...layer.yaml.positionOf(keys) };
    },
    coverConfig: coverLayers.length ? coverLayers.reduceRight<unknown>((base, layer) => deepMerge(base, layer.cover), undefined) : undefined,
    coverPositionOf: (keys) => {
      const layer = coverLayers.find((l) => hasPath(l.cover, keys)) ?? coverLayers[0];
      const file = layer?.file ?? path.join(chain[0]!, 'template.yaml');
      const yaml = parseYaml(fs.readFileSync(file, 'utf8'), file);
      return { file, ...yaml.positionOf(['cover', ...keys]) };
    },
    labelsFor(lang: string): Labels {
      const primary = lang.toLowerCase().split('-')[0]!;
      return (labels[lang] ?? labels[primary] ?? labels.en ?? labels.de) as Labels;
    },
  };
}
