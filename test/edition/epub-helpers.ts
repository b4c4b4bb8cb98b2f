/** Reading and validating EPUBs in build tests (self-contained: jszip, epubcheck-ts, Java epubcheck). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import JSZip from 'jszip';
import { EpubCheck } from '@likecoin/epubcheck-ts';

export async function epubFiles(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('string'));
  return out;
}

export interface NavNode {
  label: string;
  href: string;
  children: NavNode[];
}

/** The toc nav of an EPUB 3 navigation document, as a tree. */
export function navTree(navXhtml: string): NavNode[] {
  const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(navXhtml)?.[0] ?? '';
  const root: NavNode[] = [];
  const stack: NavNode[][] = [];
  let current: NavNode[] = root;
  let last: NavNode | undefined;
  for (const m of toc.matchAll(/<ol>|<\/ol>|<a href="([^"]*)">([^<]*)<\/a>/g)) {
    if (m[0] === '<ol>') {
      if (last) {
        stack.push(current);
        current = last.children;
      }
    } else if (m[0] === '</ol>') current = stack.pop() ?? root;
    else {
      last = { label: m[2]!, href: m[1]!, children: [] };
      current.push(last);
    }
  }
  return root;
}

/** Errors (and fatals) epubcheck-ts reports. */
export async function epubcheckTs(bytes: Uint8Array): Promise<string[]> {
  const r = await EpubCheck.validate(bytes);
  return r.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal').map((m) => `${m.id}: ${m.message}${m.location ? ` at ${m.location.path}:${m.location.line}` : ''}`);
}

export const JAVA_EPUBCHECK = '/usr/share/java/epubcheck.jar';
export const hasJavaEpubcheck = fs.existsSync(JAVA_EPUBCHECK) && !spawnSync('java', ['-version']).error;

/** Runs Java epubcheck; returns its ERROR/FATAL/WARNING lines (empty when the book is clean). */
export function javaEpubcheck(file: string): string[] {
  const r = spawnSync('java', ['-jar', JAVA_EPUBCHECK, file], { encoding: 'utf8' });
  return `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^(ERROR|FATAL|WARNING)/.test(l));
}
