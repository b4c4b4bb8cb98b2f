/** Linting a library: the rule table and the runner. */
export { lintLibrary, lintFile, type LintResult, type LintOptions } from './lint.js';
export { LINE_RULES, lintLine, type LineRule } from './rules.js';
export { RULE_CATALOG } from './catalog.js';
