/**
 * The library API of `edition`: everything the CLI does, importable.
 *
 *   import { buildEdition, loadLibrary, listSources, lintLibrary } from 'edition';
 *   const library = loadLibrary('sources', { reporter: new Reporter() });
 *   await buildEdition({ manifest: { title: 'Lenin 1917', query: { author: 'Lenin' } } }, { library, formats: ['epub'] });
 *
 * Pass one `library` to many builds: each source is then parsed once.
 */
export { buildEdition, resolveRequest, type BuildOptions, type BuildResult, type EditionRequest, type OutputFile } from './edition/build.js';
export { buildEditions, type BuildManyOptions, type BuildManyResult, type EditionFailure } from './edition/many.js';
export { assembleEdition } from './edition/assemble.js';
export { loadLibrary, sourceFiles, type Library, type LoadOptions } from './library/load.js';
export { loadManifest, validateManifest, type LoadedManifest } from './manifest/load.js';
export { manifestSchema, querySchema, type Manifest, type ManifestInput, type Query, type SortOrder, type Format } from './manifest/schema.js';
export { isbnProblem, normalizeIsbn } from './manifest/isbn.js';
export { selectTexts, querySources, type SelectedPart, type Locate } from './select/select.js';
export { matches, matchesAll, sortMetas } from './select/query.js';
export { listSources, type SourceRow } from './select/list.js';
export { parseSelect, parseYearRange, adhocManifest, UsageError } from './select/adhoc.js';
export { lintLibrary, lintFile, LINE_RULES, RULE_CATALOG, type LintResult } from './lint/index.js';
export { importFiles, type ImportFlags, type ImportRequest, type ImportResult } from './import/import.js';
export { loadTemplate, listTemplates, type Template, type TemplateInfo } from './templates/load.js';
export { Reporter, InputError, formatMessage, type Message, type Severity } from './model/messages.js';
export type * from './model/types.js';
export { textsOf } from './model/types.js';
export { FileCache, CACHE_DIR, type PruneLimits } from './cache/store.js';
export type { ContentCache } from './cache/types.js';
export { parseShard, shardOf, inShard, type Shard } from './edition/shard.js';
