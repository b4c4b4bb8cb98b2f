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

/**
 * A path as the user would type it from where they stand: relative to the
 * working folder (`sources/x.md`, `../lib/sources/x.md`), the same in build,
 * list and check. A path that shares nothing but `/` with the working folder
 * (`/proc/x`, another drive) stays absolute: `../../../proc/x` helps no one.
 */
export function userPath(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const cwd = process.cwd();
  const rel = path.relative(cwd, file);
  if (rel === '') return '.';
  if (path.isAbsolute(rel)) return file;
  const up = rel.split(path.sep).filter((s) => s === '..').length;
  const depth = cwd.split(path.sep).filter(Boolean).length;
  return up > 0 && up >= depth ? file : rel;
}

/** A message with its file named as in `userPath`. */
export function forUser(m: Message): Message {
  return { ...m, file: userPath(m.file) };
}

/** "1 note", "2 notes": counts in messages and summaries. */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
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
