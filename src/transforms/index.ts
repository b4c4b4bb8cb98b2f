/**
 * The pipeline between parsing and rendering, as a named, ordered list of
 * small steps (like markdown-it's rule chains). Text steps run once per text
 * of the library; edition steps run on each assembled edition.
 */
import type { Edition, Text } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import { numberNotes } from './notes.js';
import { applyTypography } from './typography/index.js';
import { resolveLinks, type IdOfFile } from './links.js';

export interface TextStepContext {
  unanchoredNotes: readonly string[];
  reporter: Reporter;
}

export const textSteps: [name: string, step: (text: Text, ctx: TextStepContext) => void][] = [
  ['notes', (text, ctx) => numberNotes(text, ctx.unanchoredNotes, ctx.reporter)],
  ['typography', (text) => applyTypography(text)],
];

export interface EditionStepContext {
  idOfFile: IdOfFile;
  reporter: Reporter;
}

export const editionSteps: [name: string, step: (edition: Edition, ctx: EditionStepContext) => void][] = [
  ['links', (edition, ctx) => resolveLinks(edition, ctx.idOfFile, ctx.reporter)],
];
