/**
 * User-facing diagnostics. Every problem found in the input is a `Message`
 * with a position, printed as `file:line:column: severity: reason [rule]`.
 * Expected problems never surface as stack traces: they are thrown as an
 * `InputError` (one or more fatal messages) and printed by the CLI.
 */
import type { Position } from './types.js';

export type Severity = 'error' | 'warning';

export interface Message {
  severity: Severity;
  reason: string;
  /** Stable identifier of the rule, listed in the README ("Errors and warnings"). */
  rule: string;
  file: string;
  line?: number;
  column?: number;
}

/** Formats a message the way compilers do, so editors can jump to it. */
export function formatMessage(m: Message): string {
  const where = [m.file, m.line, m.line !== undefined ? (m.column ?? 1) : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  return `${where}: ${m.severity}: ${m.reason} [${m.rule}]`;
}

/** Thrown for problems in the user's input; carries every fatal message found. */
export class InputError extends Error {
  readonly messages: Message[];
  constructor(messages: Message[]) {
    super(messages.map(formatMessage).join('\n'));
    this.name = 'InputError';
    this.messages = messages;
  }
}

/** Collects messages while a step runs; errors can be raised together at the end. */
export class Reporter {
  readonly messages: Message[] = [];

  error(rule: string, reason: string, at: Position | { file: string; line?: number; column?: number }): void {
    this.messages.push({ severity: 'error', rule, reason, ...at });
  }

  warn(rule: string, reason: string, at: Position | { file: string; line?: number; column?: number }): void {
    this.messages.push({ severity: 'warning', rule, reason, ...at });
  }

  get errors(): Message[] {
    return this.messages.filter((m) => m.severity === 'error');
  }

  get warnings(): Message[] {
    return this.messages.filter((m) => m.severity === 'warning');
  }

  /** Throws an InputError if any error was reported. */
  throwIfErrors(): void {
    const errors = this.errors;
    if (errors.length > 0) throw new InputError(errors);
  }
}

/** Builds and throws a single-message InputError. */
export function fail(rule: string, reason: string, at: { file: string; line?: number; column?: number }): never {
  throw new InputError([{ severity: 'error', rule, reason, ...at }]);
}
