/**
 * What the main thread and a build worker (worker.ts, parallel.ts) say to
 * each other. Everything here survives a structured clone: no functions, no
 * class instances other than Error-like records.
 */
import type { Message } from '../model/messages.js';
import type { Library } from '../library/load.js';
import type { BuildOptions, BuildResult, EditionRequest, OutputFile } from './build.js';
import type { Format } from '../manifest/schema.js';

/** The options a worker builds with: BuildOptions without callbacks, reporter, cache object or library. */
export type WorkerBuildOptions = Omit<BuildOptions, 'onStart' | 'onFile' | 'onProgress' | 'reporter' | 'cache' | 'library'>;

/** Given once to each worker: the library (parsed once, in the main thread) and the run's options. */
export interface WorkerSetup {
  library: Library;
  options: WorkerBuildOptions;
  /** Project root of a FileCache to open in the worker (the PDF's typeset cache); undefined: no cache. */
  cacheRoot?: string;
}

export interface WorkerJob {
  index: number;
  request: EditionRequest;
}

/** A callback of the serial build, recorded to be replayed in request order. */
export type BuildEvent =
  | { kind: 'start'; edition: string; format: Format; info: { texts: number; words: number } }
  | { kind: 'file'; file: OutputFile };

export interface WorkerOutcome {
  index: number;
  events: BuildEvent[];
  result?: BuildResult;
  /** An InputError's messages … */
  messages?: Message[];
  /** … or an unexpected error. */
  error?: { name: string; message: string; stack?: string };
  /** The edition's warnings, as the serial build collects them. */
  warnings: Message[];
}
