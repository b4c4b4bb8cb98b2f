#!/usr/bin/env node
// Entry point of the `edition` command. The project is TypeScript run through
// tsx's loader, so there is no compile step between a change and a build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
