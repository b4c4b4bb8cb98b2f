/**
 * How the CLI reports failures: expected problems in the input as one line
 * each (file:line:col: message), exit 1; usage mistakes exit 2; anything else
 * is a bug, reported with its stack so it can be fixed.
 */
import path from 'node:path';
import { InputError, formatMessage, type Message } from '../model/messages.js';
import { UsageError } from '../select/adhoc.js';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_BUG = 70;

/** A message with its file relative to the working folder, as users typed it (`sources/x.md`). */
export function forUser(m: Message): Message {
  if (!path.isAbsolute(m.file)) return m;
  const rel = path.relative(process.cwd(), m.file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? { ...m, file: rel } : m;
}

/** Prints messages once each (the same warning can arise in several editions). */
export function printMessages(messages: Message[], stream: NodeJS.WritableStream = process.stderr, seen = new Set<string>()): void {
  for (const m of messages) {
    const line = formatMessage(forUser(m));
    if (seen.has(line)) continue;
    seen.add(line);
    stream.write(`${line}\n`);
  }
}

/** Prints a usage mistake the way yargs does and returns exit code 2. */
export function reportUsage(message: string): number {
  process.stderr.write(`edition: ${message}\nRun \`edition --help\` for usage.\n`);
  return EXIT_USAGE;
}

/** Reports an error thrown by a command and returns the exit code. */
export function reportFailure(e: unknown, seen?: Set<string>): number {
  if (e instanceof InputError) {
    printMessages(e.messages, process.stderr, seen);
    return EXIT_INPUT;
  }
  if (e instanceof UsageError) return reportUsage(e.message);
  process.stderr.write(`edition: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT_BUG;
}
