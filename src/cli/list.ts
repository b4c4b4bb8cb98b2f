/** `edition list`: the sources a selection matches, as a table or JSON. */
import { loadLibrary } from '../library/load.js';
import { Reporter } from '../model/messages.js';
import { adhocSelection } from '../select/adhoc.js';
import { listSources } from '../select/list.js';
import { explainQueries } from '../select/explain.js';
import type { Query, SortOrder } from '../manifest/schema.js';
import { plural, reportFailure, userPath, EXIT_OK } from './errors.js';
import { resolveLayout } from '../edition/root.js';
import { renderTable } from './table.js';

export interface ListArgs {
  select?: string[] | undefined;
  id?: string[] | undefined;
  sort?: SortOrder | undefined;
  sources?: string | undefined;
  json: boolean;
}

export async function runList(args: ListArgs): Promise<number> {
  const { root, sourcesDir } = resolveLayout({ sourcesDir: args.sources });
  try {
    const { texts, query } = adhocSelection(args);
    const queries: Query[] = query ?? (texts?.length ? [{ id: texts }] : []);
    const library = loadLibrary(sourcesDir, { projectRoot: root, reporter: new Reporter() });
    const rows = listSources(library, queries, args.sort ?? 'listed');
    if (args.json) process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, file: userPath(r.file) })), null, 2)}\n`);
    else if (rows.length) {
      const table = renderTable(
        rows,
        [
          { header: 'ID', value: (r) => r.id },
          { header: 'AUTHOR', value: (r) => r.authors.join(', ') || '–' },
          { header: 'DATE', value: (r) => r.date ?? '–' },
          { header: 'TITLE', value: (r) => r.title, elastic: true },
          { header: 'WORDS', value: (r) => r.words.toLocaleString('en-US'), align: 'right' },
          { header: 'NOTES', value: (r) => String(r.notes), align: 'right' },
        ],
        process.stdout.isTTY ? process.stdout.columns : Infinity,
      );
      process.stdout.write(`${table}\n`);
    }
    if (rows.length === 0) {
      const why = queries.length ? `: ${explainQueries(queries, library.sources.map((s) => s.text.meta)).reason}` : ' (the library is empty)';
      process.stderr.write(`edition: no source matches${why}\n`);
    } else if (!args.json && process.stdout.isTTY) {
      process.stderr.write(`${rows.length} of ${plural(library.sources.length, 'source')}\n`);
    }
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e);
  }
}
