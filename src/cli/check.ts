/** `edition check`: lint every source, print findings as file:line:col, exit 1 on errors. */
import { lintLibrary } from '../lint/lint.js';
import { RULE_CATALOG } from '../lint/catalog.js';
import { formatMessage } from '../model/messages.js';
import { forUser, plural, reportFailure, EXIT_INPUT, EXIT_OK } from './errors.js';
import { resolveLayout } from '../edition/root.js';
import { renderTable } from './table.js';

export interface CheckArgs {
  files: string[];
  sources?: string | undefined;
  json: boolean;
  strict: boolean;
  rules: boolean;
}

export async function runCheck(args: CheckArgs): Promise<number> {
  // Files named on their own belong to the library above them (the nearest folder holding sources/).
  const { root, sourcesDir } = resolveLayout({ sourcesDir: args.sources }, args.files);
  if (args.rules) {
    if (args.json) process.stdout.write(`${JSON.stringify(RULE_CATALOG, null, 2)}\n`);
    else process.stdout.write(`${renderTable(RULE_CATALOG, [{ header: 'RULE', value: (r) => r.id }, { header: 'SEVERITY', value: (r) => r.severity }, { header: 'WHAT IT FINDS', value: (r) => r.description }])}\n`);
    return EXIT_OK;
  }
  try {
    const target = args.files.length ? args.files : sourcesDir;
    const result = lintLibrary(target, { projectRoot: root });
    const rel = result.messages.map(forUser);
    const failed = result.errors > 0 || (args.strict && result.warnings > 0);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ok: !failed, files: result.files, errors: result.errors, warnings: result.warnings, messages: rel }, null, 2)}\n`);
    } else {
      for (const m of rel) process.stdout.write(`${formatMessage(m)}\n`);
      process.stderr.write(`${plural(result.files, 'file')} checked: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}\n`);
    }
    return failed ? EXIT_INPUT : EXIT_OK;
  } catch (e) {
    return reportFailure(e);
  }
}
