/** Shared setup of the PDF renderer tests: the buch template and its labels. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { Reporter } from '../../../src/model/messages.js';
import type { Edition } from '../../../src/model/types.js';
import type { Labels } from '../../../src/templates/labels.js';
import { renderPdf } from '../../../src/render/pdf/index.js';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const templateDir = `${root}templates/buch`;
export const pdfConfig = (dir = templateDir): unknown => parse(readFileSync(`${dir}/pdf.yaml`, 'utf8'));
const labels = parse(readFileSync(`${templateDir}/labels.yaml`, 'utf8')) as Record<string, Labels>;
export const labelsFor = (lang: string): Labels => labels[lang.split('-')[0]!] ?? labels['de']!;

/** Renders with the buch template. */
export async function render(edition: Edition, config: unknown = pdfConfig()) {
  const reporter = new Reporter();
  const out = await renderPdf({ edition, templateDir, pdfConfig: config, labelsFor, reporter });
  return { ...out, reporter };
}

/** Whether a command-line tool is installed. */
export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
