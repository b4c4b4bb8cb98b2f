/** The yargs definition of the `edition` command line. Runners live in their own files. */
import yargs from 'yargs';
import { runBuild } from './build.js';
import { EXIT_USAGE } from './errors.js';

const FORMATS = ['epub', 'pdf'] as const;

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  let usageError = false;
  const parser = yargs(argv)
    .scriptName('edition')
    .usage('$0 <command> [options]\n\nTypeset EPUB 3 and print PDF editions from a library of Markdown texts.')
    .command(
      'build [manifests..]',
      'Build editions (default: every editions/*.yaml) into the output folder',
      (y) =>
        y
          .positional('manifests', { type: 'string', array: true, default: [], describe: 'Edition manifests (YAML)' })
          .option('sources', { type: 'string', default: 'sources', describe: 'Folder of the source texts' })
          .option('out', { type: 'string', default: 'dist', describe: 'Output folder' })
          .option('format', { type: 'string', describe: 'Formats to build, comma-separated: epub,pdf', coerce: parseFormats })
          .option('quiet', { type: 'boolean', default: false, describe: 'Print only errors' })
          .option('strict', { type: 'boolean', default: false, describe: 'Treat warnings as errors (exit 1)' })
          .example('$0 build', 'build every edition in editions/')
          .example('$0 build editions/russische-revolution.yaml --format epub', 'only the EPUB of one edition'),
      async (a) => {
        code = await runBuild({ manifests: a.manifests as string[], sources: a.sources, out: a.out, format: a.format, quiet: a.quiet, strict: a.strict });
      },
    )
    .demandCommand(1, 'Name a command: build')
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err, y) => {
      usageError = true;
      if (err && !msg) throw err;
      process.stderr.write(`${y.help ? '' : ''}edition: ${msg ?? err?.message}\nRun \`edition --help\` for usage.\n`);
    });
  await parser.parseAsync();
  return usageError ? EXIT_USAGE : code;
}

function parseFormats(value: string | undefined): (typeof FORMATS)[number][] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`unknown format \`${f}\` (use epub, pdf)`);
  return list as (typeof FORMATS)[number][];
}
