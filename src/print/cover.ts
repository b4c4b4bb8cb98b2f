/** The one-page print cover (back + spine + front + bleed), dist/<name>.cover.pdf. Built by issue 10. */
import type { Edition } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { Template } from '../templates/load.js';
import type { PrintSettings } from './settings.js';

export interface PrintCoverInput {
  edition: Edition;
  template: Template;
  reporter: Reporter;
  print: PrintSettings;
  /** Page count of the interior as laid out (before any padding the profile asks for). */
  pages: number;
}

export async function renderPrintCover(input: PrintCoverInput): Promise<{ bytes: Buffer; pages: number }> {
  throw new Error(`cover format is not built yet (edition ${input.edition.meta.slug})`);
}
