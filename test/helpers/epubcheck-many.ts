/**
 * Java epubcheck over many EPUBs in one JVM (test/helpers/EpubcheckMany.java,
 * run with Java's source launcher): the JVM and epubcheck's schemas load once,
 * so a test can check dozens of EPUBs in the time of two or three single runs.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EPUBCHECK_JAR, type Finding } from './validators.js';

const RUNNER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'EpubcheckMany.java');

/** File → its fatals, errors and warnings (empty when it is valid). */
export function epubcheckMany(files: string[]): Map<string, Finding[]> {
  const r = spawnSync('java', ['-cp', EPUBCHECK_JAR, RUNNER, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const result = new Map<string, Finding[]>(files.map((f) => [f, []]));
  const counted = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const [file, fatals, errors, warnings] = line.split('\t');
    if (file && result.has(file)) {
      counted.add(file);
      if (Number(fatals) + Number(errors) + Number(warnings) > 0 && result.get(file)!.length === 0) {
        result.get(file)!.push({ validator: 'epubcheck', severity: 'ERROR', id: 'COUNT', message: `${fatals} fatals, ${errors} errors, ${warnings} warnings` });
      }
    }
  }
  // The report lines themselves: "ERROR(RSC-005): /path/x.epub/OEBPS/a.xhtml(3,4): message".
  for (const line of r.stderr.split('\n')) {
    const m = /^(FATAL|ERROR|WARNING)\(([A-Z]+-\d+)\): (.+?)\((-?\d+),(-?\d+)\): (.*)$/.exec(line);
    if (!m) continue;
    const file = files.find((f) => m[3]!.startsWith(f));
    if (file) result.get(file)!.push({ validator: 'epubcheck', severity: m[1]!, id: m[2]!, message: m[6]!, where: `${m[3]}:${m[4]}:${m[5]}` });
  }
  const missing = files.filter((f) => !counted.has(f));
  if (missing.length) throw new Error(`epubcheck did not report on ${missing.join(', ')} (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return result;
}
