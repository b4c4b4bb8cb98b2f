/**
 * The EPUB's zip container, compressed by Node's zlib (issue 9, item 4): the
 * pure-JavaScript deflate of jszip/pako took about a tenth of an EPUB build.
 * The records are laid out field for field as jszip 3 writes them (DOS
 * platform, version 1.0 to extract, no data descriptors, UTF-8 names marked
 * with flag bit 11 and an Info-ZIP Unicode Path field), so the entries,
 * their order, names, dates and contents are the same as before; only the
 * deflated bytes may differ, since zlib and pako need not pick the same
 * matches at the same level.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

export interface ZipEntry {
  /** Path inside the archive; folders end in `/`. */
  name: string;
  dir: boolean;
  /** Stored uncompressed (the EPUB's `mimetype` must be). */
  store: boolean;
  /** Stamped in DOS form from its UTC fields, as jszip does. */
  date: Date;
  data: Uint8Array;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const CENTRAL_DIRECTORY_END = 0x06054b50;
/** "Version needed to extract" 1.0 and "made by" DOS 2.0: jszip's values, kept so the headers stay as they were. */
const VERSION_NEEDED = 0x000a;
const VERSION_MADE_BY = 0x0014;
const UTF8_NAMES = 0x0800;
const DOS_DIRECTORY = 0x10;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
/** zlib's best compression: the EPUB is written once and read many times. */
const LEVEL = 9;

function dosTime(d: Date): number {
  return (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
}

function dosDate(d: Date): number {
  return ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
}

/** Info-ZIP Unicode Path extra field (0x7075), which jszip adds to every non-ASCII name. */
function unicodePathField(name: Buffer): Buffer {
  const field = Buffer.alloc(4 + 5 + name.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(name), 5);
  name.copy(field, 9);
  return field;
}

/** Folders and entries asked to be stored are written uncompressed. */
function stored(entry: ZipEntry): boolean {
  return entry.store || entry.dir;
}

/**
 * The archive's bytes: local records with their data in entry order, then the central directory.
 * Every entry is compressed at once in libuv's thread pool (the documents on both cores, the
 * main thread free meanwhile); the same zlib with the same options gives the same bytes as
 * deflateRawSync did.
 */
export async function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  const compressed = await Promise.all(
    entries.map((entry) => (stored(entry) ? Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength) : deflateRawAsync(entry.data, { level: LEVEL }))),
  );
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [i, entry] of entries.entries()) {
    const name = Buffer.from(entry.name, 'utf8');
    const utf8 = name.length !== entry.name.length;
    const extra = utf8 ? unicodePathField(name) : Buffer.alloc(0);
    const store = stored(entry);
    const data = compressed[i]!;
    // The fields both records share, from "version needed" to "extra field length".
    const common = Buffer.alloc(26);
    common.writeUInt16LE(VERSION_NEEDED, 0);
    common.writeUInt16LE(utf8 ? UTF8_NAMES : 0, 2);
    common.writeUInt16LE(store ? METHOD_STORE : METHOD_DEFLATE, 4);
    common.writeUInt16LE(dosTime(entry.date), 6);
    common.writeUInt16LE(dosDate(entry.date), 8);
    common.writeUInt32LE(entry.dir ? 0 : crc32(entry.data), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(entry.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(extra.length, 24);

    const head = Buffer.alloc(4);
    head.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    const record = Buffer.concat([head, common, name, extra]);
    local.push(record, data);

    const dirHead = Buffer.alloc(6);
    dirHead.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
    dirHead.writeUInt16LE(VERSION_MADE_BY, 4);
    // Comment length, disk number, internal attributes, external attributes, offset of the local record.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(entry.dir ? DOS_DIRECTORY : 0, 6);
    tail.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([dirHead, common, tail, name, extra]));
    offset += record.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(CENTRAL_DIRECTORY_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
