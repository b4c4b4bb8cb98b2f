/**
 * Compresses a document's streams in libuv's thread pool instead of on the
 * main thread, with the same bytes as pdfkit's own compression.
 *
 * pdfkit compresses each stream (page contents, font files, ToUnicode maps)
 * with zlib.deflateSync when the object is finalized, which for an x10 book
 * was about a tenth of the whole build on the main thread (profiled
 * 2026-12-02: 270–320 ms of zlib processChunkSync). Pages are finalized as the
 * next one starts, so here each stream's compression starts at once with
 * zlib.deflate (same zlib, same default options, same input: the same
 * output) on another core while the next pages are drawn, and objects are
 * written to the file in exactly the order pdfkit finalized them, each at
 * the offset it would have had: the file is byte-identical.
 *
 * An object finalized while earlier ones still wait is serialized at once (its
 * dictionary as it is then, as pdfkit would) and only its writing is held
 * back; a compressed stream's dictionary, which needs the compressed length,
 * is serialized when its data is ready (stream dictionaries hold only
 * Length, Filter and the font file's own numbers, which nothing changes later).
 */
import { deflate } from 'node:zlib';
import { promisify } from 'node:util';

const deflateAsync = promisify(deflate);

/** The parts of pdfkit's (private) PDFReference we use. */
interface Ref {
  document: Doc;
  id: number;
  compress: boolean;
  buffer: Uint8Array[] | Uint8Array;
  offset?: number;
  finalize(): void;
}

/** The parts of pdfkit's (private) PDFDocument we use. */
interface Doc {
  _root: object;
  _offset: number;
  _security?: unknown;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: Ref): void;
}

/** One object waiting to be written: what it writes, once known. */
interface Pending {
  ref: Ref;
  writes: Promise<(string | Uint8Array)[]>;
}

const queues = new WeakMap<Doc, { items: Pending[]; flushing: boolean }>();
let originalFinalize: ((this: Ref) => void) | undefined;

/**
 * Makes `doc` (a pdfkit PDFDocument, before its first page) compress in the
 * background. Documents not passed here keep pdfkit's own behaviour.
 */
export function deflateInBackground(doc: unknown): void {
  const d = doc as Doc;
  // Encryption is applied per object after compression; we never encrypt, so that path is left to pdfkit.
  if (d._security) return;
  const proto = Object.getPrototypeOf(d._root) as Ref;
  if (!originalFinalize) {
    originalFinalize = proto.finalize;
    const own = originalFinalize;
    proto.finalize = function (this: Ref): void {
      const queue = queues.get(this.document);
      if (!queue) return own.call(this);
      finalizeQueued(this, queue, own);
    };
  }
  queues.set(d, { items: [], flushing: false });
}

function finalizeQueued(ref: Ref, queue: { items: Pending[]; flushing: boolean }, own: (this: Ref) => void): void {
  const streaming = ref.compress && Array.isArray(ref.buffer) && ref.buffer.length > 0;
  if (!streaming && queue.items.length === 0) return own.call(ref);
  let writes: Promise<(string | Uint8Array)[]>;
  if (streaming) {
    const input = Buffer.concat(ref.buffer as Uint8Array[]);
    writes = deflateAsync(input).then((compressed) => {
      // pdfkit's own finalize, with the compression already done.
      ref.buffer = [new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.length)];
      ref.compress = false;
      return capture(ref, own);
    });
  } else {
    writes = Promise.resolve(capture(ref, own));
  }
  queue.items.push({ ref, writes });
  if (!queue.flushing) void flush(ref.document, queue);
}

/** Runs pdfkit's finalize for `ref`, keeping what it would write instead of writing it. */
function capture(ref: Ref, own: (this: Ref) => void): (string | Uint8Array)[] {
  const doc = ref.document;
  const out: (string | Uint8Array)[] = [];
  const write = doc._write;
  const refEnd = doc._refEnd;
  doc._write = (data) => void out.push(data);
  doc._refEnd = () => {};
  try {
    own.call(ref);
  } finally {
    doc._write = write;
    doc._refEnd = refEnd;
  }
  return out;
}

/** Writes waiting objects in order as each is ready; the document ends after the last (pdfkit counts them as waiting). */
async function flush(doc: Doc, queue: { items: Pending[]; flushing: boolean }): Promise<void> {
  queue.flushing = true;
  try {
    while (queue.items.length > 0) {
      const { ref, writes } = queue.items[0]!;
      const data = await writes;
      queue.items.shift();
      ref.offset = doc._offset;
      for (const chunk of data) doc._write(chunk);
      doc._refEnd(ref);
    }
  } catch (e) {
    (doc as unknown as { emit(event: string, e: unknown): void }).emit('error', e);
  } finally {
    queue.flushing = false;
  }
}
