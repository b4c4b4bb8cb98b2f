/**
 * What a link or image destination in a source points at. Only web and mail
 * links leave the book; a relative path may name another text of the library
 * or an image; a path that climbs out of the project is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordProbe } from '../cache/probes.js';

export type LinkTarget =
  | { kind: 'external'; href: string }
  | { kind: 'file'; file: string; fragment?: string }
  | { kind: 'outside'; file: string }
  | { kind: 'unsafe'; reason: string };

const SAFE_SCHEMES = /^(https?:\/\/|mailto:)/i;
const ANY_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Classifies `url` as written in `fromFile`; relative paths resolve against that file's folder. */
export function classifyTarget(url: string, fromFile: string, projectRoot: string): LinkTarget {
  const trimmed = url.trim();
  if (SAFE_SCHEMES.test(trimmed)) return { kind: 'external', href: trimmed };
  if (ANY_SCHEME.test(trimmed)) return { kind: 'unsafe', reason: `the \`${trimmed.split(':')[0]}:\` scheme is not allowed (only http, https and mailto)` };
  if (trimmed.startsWith('#') || trimmed === '') return { kind: 'unsafe', reason: 'a link inside the same text needs a file name' };
  const [rawPath, fragment] = trimmed.split('#', 2) as [string, string | undefined];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    decoded = rawPath;
  }
  const file = path.resolve(path.dirname(path.resolve(fromFile)), decoded);
  if (!inside(file, path.resolve(projectRoot))) return { kind: 'outside', file };
  // A symbolic link inside the project may still point out of it: judge where it really leads.
  const real = realpath(file);
  if (real && !inside(real, realpath(projectRoot) ?? path.resolve(projectRoot))) return { kind: 'outside', file };
  return { kind: 'file', file, ...(fragment ? { fragment } : {}) };
}

/** Whether `file` lies in `root` (a name merely starting with ".." is still inside). */
function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** The real path of `file`, recorded for the parse cache (src/cache/probes.ts). */
export function realpath(file: string): string | undefined {
  let real: string | undefined;
  try {
    real = fs.realpathSync(file);
  } catch {
    real = undefined; // missing: reported by whoever needs the file
  }
  recordProbe({ kind: 'realpath', file, answer: real ?? null });
  return real;
}
