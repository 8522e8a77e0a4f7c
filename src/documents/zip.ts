import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { PacteError } from '../domain/errors.js';

/**
 * Reads a few entries of a zip archive held in memory, defending against zip bombs: the central
 * directory (entry count, declared sizes, compression ratios) is checked before anything is
 * inflated, and inflating stops as soon as an entry yields more than it declared.
 */

export interface ZipLimits {
  /** Most bytes the archive may declare once unzipped, for one entry and for all together. */
  maxUncompressedBytes: number;
  /** Most entries the archive may hold. */
  maxEntries: number;
}

/** Above this size an entry must not compress better than MAX_RATIO:1 (XML gives 5 to 30:1). */
const RATIO_FROM_BYTES = 1024 * 1024;
const MAX_RATIO = 200;

/** Too many parts (`limit`), or too much data once unpacked (`limitBytes`, shown in the reader's units). */
function tooLarge(file: string, exceeded: { limit: number } | { limitBytes: number }): PacteError {
  return new PacteError('import.archive_too_large', {
    file,
    exceeded: 'limit' in exceeded ? 'parts' : 'size',
    ...exceeded,
  });
}

function corrupt(file: string, cause?: unknown): PacteError {
  return new PacteError('import.corrupt_file', { file }, cause === undefined ? undefined : { cause });
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    // Sizes are checked here (validateEntrySizes would only fail after the excess was inflated).
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

/** Every entry of the central directory, without reading any data. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry, giving up as soon as it yields more than its declared size. */
function inflateEntry(zip: ZipFile, entry: Entry, file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(entry.isEncrypted() ? new PacteError('import.password_protected', { file }) : corrupt(file, error));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const fail = (reason: PacteError): void => {
        if (done) return;
        done = true;
        stream.destroy();
        reject(reason);
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // A lying header: more data than declared. Stop before inflating any further.
        if (size > entry.uncompressedSize) fail(tooLarge(file, { limitBytes: entry.uncompressedSize }));
        else chunks.push(chunk);
      });
      stream.on('error', (cause: unknown) => fail(corrupt(file, cause)));
      stream.on('end', () => {
        if (done) return;
        done = true;
        if (size !== entry.uncompressedSize) reject(corrupt(file));
        else resolve(Buffer.concat(chunks, size));
      });
    });
  });
}

/**
 * The data of the entries whose (case-insensitive) names are asked for; names missing from the
 * archive are missing from the result. `file` names the upload in error details.
 */
export async function readZipEntries(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits,
  names: readonly string[],
): Promise<Map<string, Buffer>> {
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch (error) {
    throw corrupt(file, error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw tooLarge(file, { limit: limits.maxEntries });
    let entries: Entry[];
    try {
      entries = await listEntries(zip);
    } catch (error) {
      throw corrupt(file, error);
    }
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (
        entry.uncompressedSize > limits.maxUncompressedBytes ||
        total > limits.maxUncompressedBytes ||
        (entry.uncompressedSize > RATIO_FROM_BYTES && ratio > MAX_RATIO)
      )
        throw tooLarge(file, { limitBytes: limits.maxUncompressedBytes });
    }
    const wanted = new Map(names.map((name) => [name.toLowerCase(), name]));
    const found = new Map<string, Buffer>();
    for (const entry of entries) {
      const name = wanted.get(entry.fileName.toLowerCase());
      if (name === undefined || found.has(name)) continue;
      found.set(name, await inflateEntry(zip, entry, file));
    }
    return found;
  } finally {
    zip.close();
  }
}
