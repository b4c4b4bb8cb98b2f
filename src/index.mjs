// Entry point for `import … from 'edition'` in plain Node: the package is
// TypeScript run through tsx, so its loader is registered before the API
// (src/index.ts, which also carries the types) is imported.
import { register } from 'tsx/esm/api';

register();
const api = await import('./index.ts');

export const {
  buildEdition, resolveRequest, buildEditions, assembleEdition, loadLibrary, sourceFiles, loadManifest, validateManifest,
  manifestSchema, querySchema, isbnProblem, normalizeIsbn, selectTexts, querySources, matches, matchesAll, sortMetas,
  listSources, parseSelect, parseYearRange, adhocManifest, UsageError, lintLibrary, lintFile, LINE_RULES, RULE_CATALOG,
  importFiles, loadTemplate, listTemplates, Reporter, InputError, formatMessage, textsOf,
  FileCache, CACHE_DIR, parseShard, shardOf, inShard,
} = api;
