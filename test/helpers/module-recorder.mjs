// `node --import ./module-recorder.mjs …` writes every module the process
// loads, one file URL a line, to $EDITION_MODULE_LOG when it exits: ES
// modules as the loader resolves them (a resolve hook, which runs on the
// loader's own thread in Node 20) and CommonJS files from require's cache
// (packages loaded with createRequire never pass the ESM hooks).
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const log = process.env.EDITION_MODULE_LOG;
if (!log) throw new Error('module-recorder: set EDITION_MODULE_LOG');
const seen = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => seen.add(url));
port1.unref();
register('./module-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  for (const file of Object.keys(createRequire(import.meta.url).cache)) seen.add(pathToFileURL(file).href);
  fs.writeFileSync(log, [...seen].sort().join('\n') + '\n');
});
