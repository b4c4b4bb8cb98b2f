/**
 * Model values ⇄ cache bytes. JSON, because an entry can then be read by a
 * person, with tags for what JSON loses: `undefined` (kept where a field is
 * present but unset, since `'x' in o` must answer as before), Map, Set and
 * Date. Paths inside the project root are stored relative to it, so a cache
 * restored into another checkout (CI) still serves the right absolute paths.
 */
import path from 'node:path';

// Tags are keys no model object uses (a NUL cannot appear in a front-matter key that reaches the model).
const TAG = '\u0000';
type Tagged = { [TAG]: 'u' } | { [TAG]: 'map'; v: unknown[] } | { [TAG]: 'set'; v: unknown[] } | { [TAG]: 'date'; v: number } | { [TAG]: 'root'; v: string };

/** Encodes `value`; strings that are paths in `root` are stored relative to it. */
export function encode(value: unknown, root: string): Buffer {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // JSON.stringify has already called Date#toJSON: read the original from the holder.
    const raw = this[key];
    if (raw instanceof Date) return { [TAG]: 'date', v: raw.getTime() } satisfies Tagged;
    if (v === undefined) return { [TAG]: 'u' } satisfies Tagged;
    if (v instanceof Map) return { [TAG]: 'map', v: [...v.entries()] } satisfies Tagged;
    if (v instanceof Set) return { [TAG]: 'set', v: [...v.values()] } satisfies Tagged;
    if (typeof v === 'string' && (v === root || v.startsWith(prefix))) return { [TAG]: 'root', v: v.slice(root.length) } satisfies Tagged;
    return v;
  });
  return Buffer.from(json, 'utf8');
}

/** Decodes what `encode` wrote, with relative paths joined to `root`; throws on malformed input. */
export function decode<T>(bytes: Buffer, root: string): T {
  const holders: [Record<string, unknown>, string][] = [];
  const out = JSON.parse(bytes.toString('utf8'), function (this: Record<string, unknown>, key: string, v: unknown) {
    if (v === null || typeof v !== 'object' || !(TAG in v)) return v;
    const t = v as Tagged;
    switch (t[TAG]) {
      case 'u':
        // Returning undefined from a reviver deletes the key: restore it afterwards.
        holders.push([this, key]);
        return undefined;
      case 'map':
        return new Map(t.v as [unknown, unknown][]);
      case 'set':
        return new Set(t.v);
      case 'date':
        return new Date(t.v);
      case 'root':
        return root + t.v;
      default:
        throw new Error(`unknown cache tag ${String((t as { [TAG]: unknown })[TAG])}`);
    }
  }) as T;
  for (const [holder, key] of holders) {
    if (Array.isArray(holder)) holder[Number(key)] = undefined;
    else holder[key] = undefined;
  }
  return out;
}
