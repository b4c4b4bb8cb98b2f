/**
 * A bench case's process: builds one manifest's PDF through the package's
 * API, tagged or not (BuildOptions.pdfTagged exists only for this
 * measurement; the CLI always tags). Run by cases.ts as
 *   node --import tsx test/bench/api-build.ts <package entry> <manifest> <out dir> tagged|untagged
 * The entry is the file `import('edition')` loads (lib/ once compiled).
 */
import { pathToFileURL } from 'node:url';

const [entry, manifestFile, outDir, mode] = process.argv.slice(2);
if (!entry || !manifestFile || !outDir || (mode !== 'tagged' && mode !== 'untagged')) {
  process.stderr.write('usage: api-build.ts <package entry> <manifest> <out dir> tagged|untagged\n');
  process.exit(2);
}
// Loaded by path, not by name: the case runs from the repository, and the path says which build (src or lib) it is.
const api = (await import(pathToFileURL(entry).href)) as typeof import('../../src/index.js');
await api.buildEdition({ manifestFile }, { outDir, formats: ['pdf'], pdfTagged: mode === 'tagged' });
