#!/usr/bin/env node
// Entry point of the `edition` command, run compiled (lib/cli/bin.js): no
// TypeScript is transpiled at run time. `--version` alone is answered without
// loading yargs (half the start-up time of a command is yargs and its help
// layout, issue 9); everything else goes through main.js, which imports
// each command's runner only when that command runs.
import { packageVersion } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main(argv);
}
