/** `edition templates`: the looks a manifest can name, with where each lives. */
import path from 'node:path';
import { listTemplates, BUILTIN_TEMPLATES } from '../templates/load.js';
import { EXIT_OK } from './errors.js';
import { renderTable } from './table.js';

export async function runTemplates(args: { json: boolean }): Promise<number> {
  const root = process.cwd();
  const list = listTemplates(root).map((t) => ({
    ...t,
    source: path.dirname(t.dir) === BUILTIN_TEMPLATES ? 'built-in' : 'project',
  }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT_OK;
  }
  const table = renderTable(
    list,
    [
      { header: 'TEMPLATE', value: (t) => t.name },
      { header: 'FROM', value: (t) => t.source },
      { header: 'DESCRIPTION', value: (t) => t.description + (t.extends ? ` (extends ${t.extends})` : ''), elastic: true },
    ],
    process.stdout.isTTY ? process.stdout.columns : Infinity,
  );
  process.stdout.write(`${table}\n`);
  return EXIT_OK;
}
