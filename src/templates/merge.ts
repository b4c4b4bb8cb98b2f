/**
 * pdf.yaml along an `extends` chain: a template that extends another names
 * only the keys it changes (issue 8, item 16). Mappings merge key by key,
 * everything else (numbers, texts, lists) is replaced whole: a list is one
 * setting, so merging lists item by item would mix two designs.
 */
import path from 'node:path';

type Data = Record<string, unknown>;

const isMapping = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` laid over `base`: mappings recursively, other values replaced. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over === undefined ? base : over;
  const out: Data = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/**
 * Font paths in a pdf.yaml are relative to its own folder; once layers are
 * merged, the renderer sees one folder, so relative paths of a layer are made
 * absolute first. `npm:` and absolute paths stay as written.
 */
export function absoluteFontPaths(config: unknown, dir: string): unknown {
  if (!isMapping(config) || !isMapping(config.fonts)) return config;
  const fonts: Data = {};
  const absolute = (spec: unknown): unknown => (typeof spec === 'string' && !spec.startsWith('npm:') && !path.isAbsolute(spec) ? path.join(dir, spec) : spec);
  for (const [family, styles] of Object.entries(config.fonts)) {
    if (family === 'fallback' && Array.isArray(styles)) {
      // The fallback chain: a list of paths, or of {regular, bold, lang} (lang is not a path).
      fonts[family] = styles.map((f: unknown) => (isMapping(f) ? { ...f, ...('regular' in f ? { regular: absolute(f.regular) } : {}), ...('bold' in f ? { bold: absolute(f.bold) } : {}) } : absolute(f)));
      continue;
    }
    if (!isMapping(styles)) {
      fonts[family] = styles;
      continue;
    }
    fonts[family] = Object.fromEntries(
      Object.entries(styles).map(([style, spec]) => [style, absolute(spec)]),
    );
  }
  return { ...config, fonts };
}

/** Whether `data` has a value at `keys` (to find which layer defines a key). */
export function hasPath(data: unknown, keys: (string | number)[]): boolean {
  let v = data;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null || !(k in v)) return false;
    v = (v as Data)[k as string];
  }
  return true;
}
