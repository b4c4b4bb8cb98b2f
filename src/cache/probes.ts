/**
 * What a parse learned from files other than its source: whether a link's
 * target really lies in the project (its real path) and whether an image is
 * a PNG or JPEG. A parsed text is only as fresh as these facts, so the parse
 * cache stores them with the text and asks again before serving a hit.
 *
 * Parsing is synchronous, so one recorder per thread is enough.
 */
export type Probe = { kind: 'realpath'; file: string; answer: string | null } | { kind: 'image'; file: string; answer: string };

let recording: Probe[] | undefined;

/** Runs `fn`, returning its result and every probe made meanwhile. */
export function withProbes<T>(fn: () => T): { result: T; probes: Probe[] } {
  const outer = recording;
  recording = [];
  try {
    const result = fn();
    return { result, probes: recording };
  } finally {
    recording = outer;
  }
}

/** Called by the parser each time it asks the file system something. */
export function recordProbe(probe: Probe): void {
  recording?.push(probe);
}
