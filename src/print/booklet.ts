/** The interior imposed for saddle stitching, dist/<name>.booklet.pdf. Built by issue 10. */
import type { Reporter } from '../model/messages.js';
import type { Template } from '../templates/load.js';
import type { PrintSettings } from './settings.js';

export interface BookletInput {
  /** The finished interior PDF. */
  interior: Buffer;
  template: Template;
  reporter: Reporter;
  print: PrintSettings;
}

export async function imposeBooklet(input: BookletInput): Promise<{ bytes: Buffer; pages: number }> {
  throw new Error(`booklet format is not built yet (${input.interior.length} bytes)`);
}
