// The worker entry when edition runs from its TypeScript sources (tsx, vitest): a worker thread
// does not inherit the main thread's loader hooks, so it registers tsx itself (as src/cli/bin.mjs
// does) before it loads the worker. Compiled to lib/, typeset-pool.js starts typeset-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./typeset-worker.ts');
