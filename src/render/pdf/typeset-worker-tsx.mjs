// The worker entry when edition runs from its TypeScript sources (tsx, vitest): a worker thread
// does not inherit the main thread's loader hooks, so it registers tsx itself (as src/cli/bin.mjs
// does) before it loads the worker. Compiled, the pool starts lib/render/pdf/typeset-worker.js (an entry of the bundle: scripts/compile.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./typeset-worker.ts');
