// Entry of a build worker when edition runs from its TypeScript sources (tests,
// a clone without lib/): a worker thread does not inherit the main thread's
// tsx hooks, so it registers its own. Compiled builds start worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
