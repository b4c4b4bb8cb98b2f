/**
 * The PDF standards a build can declare. Shared by the manifest, pdf.yaml and
 * the command line, so all three accept the same spellings. A plain list, no
 * schema: the CLI's option table imports it, and `edition --help` should not
 * load zod (issue 9); the schemas make their enum from it.
 */

/** `none` is a plain PDF (the default); PDF/A-1b and PDF/A-2b are archival PDFs. */
export const PDF_STANDARDS = ['none', 'PDF/A-1b', 'PDF/A-2b'] as const;
export type PdfStandard = (typeof PDF_STANDARDS)[number];
