/**
 * The output formats, in build order. Apart from the manifest schema (which
 * re-exports them) so that the CLI's option table can name them without
 * loading zod: `edition --help` loads only what it prints (issue 9).
 */
export const FORMATS = ['epub', 'pdf', 'cover', 'booklet'] as const;
export type Format = (typeof FORMATS)[number];
