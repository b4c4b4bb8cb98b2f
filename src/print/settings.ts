/**
 * Print settings of one edition: the manifest's `print:` with the command
 * line's `--print-profile`, `--paper`, `--paper-thickness` and `--signature`
 * laid over it (the command line wins, key by key).
 */
import type { Manifest } from '../manifest/schema.js';
import type { Paper, PrintProfileName } from './profiles.js';

export interface PrintSettings {
  /** The service the files go to; undefined: a plain PDF without bleed or boxes. */
  profile?: PrintProfileName | undefined;
  paper?: Paper | undefined;
  /** mm per page. */
  paperThickness?: number | undefined;
  /** Pages per booklet signature (a multiple of 4); undefined: one signature. */
  signature?: number | undefined;
}

/** A booklet signature folds sheets of 4 pages each: a positive whole multiple of 4 (the manifest and `--signature` both check this). */
export function isSignature(pages: number): boolean {
  return Number.isInteger(pages) && pages > 0 && pages % 4 === 0;
}

export function printSettings(manifest: Pick<Manifest, 'print'>, override: PrintSettings = {}): PrintSettings | undefined {
  const m = manifest.print;
  const merged: PrintSettings = {
    profile: override.profile ?? m?.profile,
    paper: override.paper ?? m?.paper,
    paperThickness: override.paperThickness ?? m?.['paper-thickness'],
    signature: override.signature ?? m?.signature,
  };
  const set = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as PrintSettings;
  return Object.keys(set).length ? set : undefined;
}
