/**
 * The PDF standards a build can declare. Shared by the manifest, pdf.yaml and
 * the command line, so all three accept the same spellings.
 */
import { z } from 'zod';

/** `none` is a plain PDF (the default); PDF/A-1b and PDF/A-2b are archival PDFs. */
export const PDF_STANDARDS = ['none', 'PDF/A-1b', 'PDF/A-2b'] as const;
export const pdfStandardSchema = z.enum(PDF_STANDARDS);
export type PdfStandard = z.infer<typeof pdfStandardSchema>;
