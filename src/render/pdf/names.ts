/**
 * Named destinations of the PDF. One place builds them so that links and
 * targets cannot disagree. Names are prefixed with the text id because note
 * numbers and heading ids are only unique within a text.
 */

/** A text's opening, or a heading inside it. */
export const textDest = (textId: string, fragment?: string): string => (fragment ? `t:${textId}#${fragment}` : `t:${textId}`);

/** An endnote. */
export const noteDest = (textId: string, number: number): string => `n:${textId}:${number}`;

/** A reference to a note (occurrence is 1-based); notes link back to occurrence 1. */
export const refDest = (textId: string, number: number, occurrence: number): string => `r:${textId}:${number}:${occurrence}`;

/** The notes section of a text (or of the book when textId is omitted). */
export const notesDest = (textId?: string): string => (textId ? `notes:${textId}` : 'notes');
