#!/usr/bin/env node
// Entry point of the `edition` command, run compiled (lib/cli/bin.js): no
// TypeScript is transpiled at run time. Only main.js is loaded here; each
// command imports its runner when it runs.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
