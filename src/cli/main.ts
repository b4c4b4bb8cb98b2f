/**
 * The yargs definition of the `edition` command line. Runners live in their
 * own files (build.ts, list.ts, check.ts, templates.ts); this file only says
 * which options exist. Exit codes: 0 ok, 1 problems in the input, 2 usage.
 */
import yargs, { type Argv } from 'yargs';
import { EXIT_USAGE } from './errors.js';
import { parseSelect, SELECT_KEYS } from '../select/adhoc.js';
import { packageVersion } from './version.js';
import { PDF_STANDARDS } from '../model/pdf-standard.js';

import { FORMATS } from '../manifest/formats.js';
import { PAPERS, PRINT_PROFILES } from '../print/profiles.js';
import { isSignature } from '../print/settings.js';
import { parseShard } from '../edition/shard.js';
import os from 'node:os';
const SORTS = ['listed', 'date', 'title', 'author'] as const;

/** --select/--id/--sort, shared by `build` and `list`. */
function selectionOptions<T>(y: Argv<T>) {
  return y
    .option('select', {
      type: 'string', array: true, requiresArg: true, group: 'Selection:',
      describe: `Texts matching key:value (keys: ${SELECT_KEYS.join(', ')}); repeat to narrow (AND). year takes 1917, 1917..1918, ..1918, 1917..`,
      coerce: (values: string[]) => {
        // Parsed here only to fail early with exit code 2; the runner parses again into queries.
        values.forEach(parseSelect);
        return values;
      },
    })
    .option('id', { type: 'string', array: true, requiresArg: true, group: 'Selection:', describe: 'Source ids, comma-separated, in this order' })
    .option('sort', { choices: SORTS, group: 'Selection:', describe: 'Order of the texts (default: as listed, query matches by date)' })
    .option('sources', { type: 'string', requiresArg: true, describe: 'Folder of the source texts (default: sources/ of the project root); its parent is the project root' });
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  let usageError = false;
  const parser = yargs(argv)
    .scriptName('edition')
    .usage('$0 <command> [options]\n\nTypeset EPUB 3 and print PDF editions from a library of Markdown texts.')
    .command(
      'build [manifests..]',
      'Build editions (default: every editions/*.yaml), or an ad-hoc selection',
      (y) =>
        selectionOptions(y)
          .positional('manifests', { type: 'string', array: true, default: [], describe: 'Edition manifests (YAML)' })
          .option('title', { type: 'string', group: 'Ad-hoc edition:', describe: 'Title of an ad-hoc selection; also names the files' })
          .option('subtitle', { type: 'string', group: 'Ad-hoc edition:' })
          .option('editor', { type: 'string', group: 'Ad-hoc edition:' })
          .option('publisher', { type: 'string', group: 'Ad-hoc edition:' })
          .option('template', { type: 'string', group: 'Ad-hoc edition:', describe: 'Template name (see `edition templates`; default buch)' })
          .option('notes', { choices: ['text', 'book'] as const, group: 'Ad-hoc edition:', describe: 'Notes after each text, or at the end of the book' })
          .option('lang', { type: 'string', group: 'Ad-hoc edition:', describe: 'Language of the edition pages (default: most texts\')' })
          .option('out', { type: 'string', requiresArg: true, describe: 'Output folder (default: dist/ of the project root)' })
          .option('format', { type: 'string', describe: 'Formats to build, comma-separated: epub, pdf, cover (print cover), booklet (saddle-stitch imposition)', coerce: parseFormats })
          .option('print-profile', { choices: PRINT_PROFILES, group: 'Print production:', describe: 'Print service: bleed, page boxes, spine formula, margin checks (wins over the manifest\'s print.profile)' })
          .option('paper', { choices: PAPERS, group: 'Print production:', describe: 'Paper of the print service (spine width); default white' })
          .option('paper-thickness', { type: 'number', requiresArg: true, group: 'Print production:', describe: 'Thickness of one page in mm (BoD: from its cover calculator)' })
          .option('signature', { type: 'number', requiresArg: true, group: 'Print production:', describe: 'Pages per booklet signature, a multiple of 4 (default: one signature)', coerce: parseSignature })
          .option('pdf-standard', { choices: PDF_STANDARDS, describe: "PDF standard: PDF/A-1b or PDF/A-2b for archives, none for a plain PDF (overrides manifest and template)" })
          .option('quiet', { type: 'boolean', default: false, describe: 'Print only errors' })
          .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable summary (files, sizes, pages, notes, warnings)' })
          .option('strict', { type: 'boolean', default: false, describe: 'Treat warnings as errors (exit 1)' })
          .option('watch', { type: 'boolean', default: false, describe: 'Rebuild when a source, manifest or template changes' })
          .option('cache', { type: 'boolean', default: true, group: 'Many editions:', describe: 'Reuse parsed texts from .edition-cache/ in the project root (--no-cache: parse everything, write no cache)' })
          .option('jobs', { type: 'number', requiresArg: true, group: 'Many editions:', describe: `Editions built at the same time, in worker threads (default: the number of cores, here ${os.availableParallelism()})`, coerce: parseJobs })
          .option('shard', { type: 'string', requiresArg: true, group: 'Many editions:', describe: 'Build only shard I of N (1-based), chosen by a hash of each manifest\'s file name: for CI matrices and batch jobs', coerce: (v: string | undefined) => (v === undefined ? undefined : parseShard(v)) })
          .example('$0 build', 'build every edition in editions/')
          .example('$0 build editions/russische-revolution.yaml --format epub', 'only the EPUB of one edition')
          .example('$0 build --select author:Lenin --select year:1917..1918 --title "Lenin 1917"', 'an ad-hoc selection → dist/lenin-1917.epub/.pdf')
          .example('$0 build --id text-a,text-b --title "Zwei Texte" --notes book', 'two texts in this order, notes at the end')
          .example('$0 build --watch --format epub', 'rebuild on every change')
          .example('$0 build editions/russische-revolution.yaml --pdf-standard PDF/A-1b', 'an archival PDF/A-1b')
          .example('$0 build --shard 2/8 --json', 'the second of eight shards (one machine of a CI matrix), with a summary'),
      async (a) => {
        // Runners are imported when their command runs: --help and usage errors stay fast.
        const { runBuild } = await import('./build.js');
        code = await runBuild({
          manifests: a.manifests as string[], sources: a.sources, out: a.out, format: a.format, pdfStandard: a['pdf-standard'],
          print: { profile: a['print-profile'], paper: a.paper, paperThickness: a['paper-thickness'], signature: a.signature }, quiet: a.quiet, json: a.json, strict: a.strict, watch: a.watch,
          cache: a.cache, jobs: a.jobs ?? os.availableParallelism(), shard: a.shard,
          select: a.select, id: a.id, sort: a.sort, title: a.title, subtitle: a.subtitle, editor: a.editor, publisher: a.publisher, template: a.template, notes: a.notes, lang: a.lang,
        });
      },
    )
    .command(
      'list',
      'List the sources of the library (or those a selection matches)',
      (y) =>
        selectionOptions(y)
          .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' })
          .example('$0 list', 'every source: id, author, date, title, words, notes')
          .example('$0 list --select author:Lenin --sort date', "Lenin's texts by date")
          .example('$0 list --select tag:komintern --json', 'as JSON, for scripts'),
      async (a) => {
        const { runList } = await import('./list.js');
        code = await runList({ select: a.select, id: a.id, sort: a.sort, sources: a.sources, json: a.json });
      },
    )
    .command(
      'check [files..]',
      'Lint the sources: front matter, ids, notes, leftovers of raw text',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, default: [], describe: 'Source files (default: every file in --sources)' })
          .option('sources', { type: 'string', requiresArg: true, describe: 'Folder of the source texts (default: sources/ of the project root)' })
          .option('json', { type: 'boolean', default: false, describe: 'Print the findings as JSON' })
          .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 on warnings too' })
          .option('rules', { type: 'boolean', default: false, describe: 'List the rules and exit' })
          .example('$0 check', 'every source; findings as file:line:col: severity: message [rule]')
          .example('$0 check sources/neu.md --strict', 'one file, warnings count as failures')
          .example('$0 check --rules', 'what each rule finds'),
      async (a) => {
        const { runCheck } = await import('./check.js');
        code = await runCheck({ files: a.files as string[], sources: a.sources, json: a.json, strict: a.strict, rules: a.rules });
      },
    )
    .command(
      'import [files..]',
      'Turn raw texts (plain text, Markdown, HTML, Standard Ebooks XHTML) into one clean source, with a report',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, default: [], describe: 'Raw files; several HTML files (chapters + endnotes) become one text' })
          .option('into', { type: 'string', default: 'sources', describe: 'Folder the source is written to' })
          .option('recipe', { type: 'string', describe: 'A recipe (YAML): metadata, junk to cut, joins, verse, rules to turn off' })
          .option('raw-dir', { type: 'string', describe: "Where a recipe's `raw:` files are (default: the recipe's folder)" })
          .option('id', { type: 'string', describe: 'Source id (default: from the title)' })
          .option('title', { type: 'string' })
          .option('author', { type: 'string', array: true })
          .option('date', { type: 'string', describe: 'YYYY, YYYY-MM or YYYY-MM-DD' })
          .option('lang', { type: 'string', describe: 'Language (default: from the file, or guessed)' })
          .option('tags', { type: 'string', describe: 'Tags, comma-separated' })
          .option('source', { type: 'string', describe: 'Bibliographic origin' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'Report only; write nothing' })
          .option('force', { type: 'boolean', default: false, describe: 'Replace an existing source' })
          .option('json', { type: 'boolean', default: false, describe: 'Print the report as JSON' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing on success' })
          .example('$0 import raw/artikel.txt --title "Der Titel" --author "A. Autor"', 'a web article saved as text → sources/der-titel.md')
          .example('$0 import chapter-1.xhtml endnotes.xhtml --id kapitel-1', 'a Standard Ebooks chapter with its endnotes')
          .example('$0 import --recipe sources/recipes/x.yaml --raw-dir raw --force --dry-run', 're-import with a recipe, report only'),
      async (a) => {
        const { runImport } = await import('./import.js');
        code = await runImport({
          files: a.files as string[], into: a.into, recipe: a.recipe, rawDir: a['raw-dir'], dryRun: a['dry-run'], force: a.force, json: a.json, quiet: a.quiet,
          flags: { id: a.id, title: a.title, author: a.author, date: a.date, lang: a.lang, tags: a.tags?.split(',').map((t) => t.trim()).filter(Boolean), source: a.source },
        });
      },
    )
    .command(
      'templates',
      'List the templates (the project\'s templates/ first, then the built-in ones)',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'Print JSON' }).example('$0 templates', 'name, origin and description of each look'),
      async (a) => {
        const { runTemplates } = await import('./templates.js');
        code = await runTemplates({ json: a.json });
      },
    )
    .demandCommand(1, 'Name a command: build, list, check, import or templates')
    .recommendCommands()
    .strict()
    .help()
    .alias('h', 'help')
    .version(packageVersion())
    .alias('V', 'version')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      usageError = true;
      // An error thrown by a runner is not a usage mistake: let it reach the caller.
      if (err && !msg && !(err.message && /^(`--select|unknown format|--jobs|--shard|--signature)/.test(err.message))) throw err;
      process.stderr.write(`edition: ${msg ?? err?.message}\nRun \`edition --help\` for usage.\n`);
    });
  skipHelpLayout(parser);
  await parser.parseAsync();
  return usageError ? EXIT_USAGE : code;
}

/**
 * yargs lays out the whole help text before it runs any command (usage's
 * cacheHelpMessage, kept for a showHelp() inside an async handler, which no
 * runner here calls): about 90 ms of string measuring on every build. Help
 * asked for (--help, usage errors) is laid out when printed, as before; a
 * yargs without this internal hook is left as it is.
 */
function skipHelpLayout(parser: Argv): void {
  const internal = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/** `--signature`: pages per folded signature, so a positive multiple of 4 (a usage error otherwise, exit 2). */
function parseSignature(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!isSignature(value)) throw new Error(`--signature must be a positive multiple of 4 (pages per folded signature), not ${value}`);
  return value;
}

function parseJobs(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--jobs takes a whole number of at least 1 (got ${value})`);
  return value;
}

function parseFormats(value: string | undefined): (typeof FORMATS)[number][] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`unknown format \`${f}\` (use ${FORMATS.join(', ')})`);
  return list as (typeof FORMATS)[number][];
}
