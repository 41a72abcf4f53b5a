// Where uploaded files live. Callers use the StorageDriver interface only: a local folder by
// default, S3-compatible object storage when configured (lib/storage/s3.ts).
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export interface StoredFile {
  /** Opaque key to keep in the database (never a path chosen by the user). */
  key: string;
  size: number;
  sha256: string;
}

export interface StorageDriver {
  /** Stores under a new opaque key `<prefix>/<uuid>`. */
  put(content: Buffer | Uint8Array, opts?: { prefix?: string }): Promise<StoredFile>;
  /** Stores under a key the caller built with storageKey() (e.g. from database ids). */
  putAt(key: string, content: Buffer | Uint8Array): Promise<StoredFile>;
  /** The whole content; throws StoredFileMissingError when there is nothing under the key. */
  get(key: string): Promise<Buffer>;
  /** The content as a stream (large files); throws StoredFileMissingError when absent. */
  stream(key: string): Promise<Readable>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class StoredFileMissingError extends Error {
  constructor(key: string) {
    super(`Stored file not found: ${key}`);
    this.name = "StoredFileMissingError";
  }
}

const KEY = /^[a-z0-9-]{1,40}\/[0-9a-f-]{36}$/;

/** Checks a key (folder of at most 40 safe characters, then a UUID): nothing can escape the root. */
export function assertStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error("Invalid storage key");
  return key;
}

function safePrefix(prefix: string | undefined): string {
  return (prefix ?? "files").toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 40) || "files";
}

/** A key from a folder name and a UUID (both validated). */
export function storageKey(prefix: string, id: string = randomUUID()): string {
  return assertStorageKey(`${safePrefix(prefix)}/${id}`);
}

export function describeStored(key: string, content: Buffer | Uint8Array): StoredFile {
  return { key, size: content.length, sha256: createHash("sha256").update(content).digest("hex") };
}

/** A folder on disk. Writes go to a temporary name then are renamed, so a reader never sees half a file. */
export function localStorage(root: string): StorageDriver {
  const fullPath = (key: string) => path.join(root, assertStorageKey(key));
  const putAt = async (key: string, content: Buffer | Uint8Array): Promise<StoredFile> => {
    const target = fullPath(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
    const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, content, { mode: 0o640 });
    await rename(tmp, target);
    return describeStored(key, content);
  };
  const missing = (err: unknown, key: string) =>
    (err as NodeJS.ErrnoException)?.code === "ENOENT" ? new StoredFileMissingError(key) : err;
  return {
    put: (content, opts = {}) => putAt(storageKey(safePrefix(opts.prefix)), content),
    putAt,
    async get(key) {
      try {
        return await readFile(fullPath(key));
      } catch (err) {
        throw missing(err, key);
      }
    },
    async stream(key) {
      const p = fullPath(key);
      try {
        await stat(p);
      } catch (err) {
        throw missing(err, key);
      }
      return createReadStream(p);
    },
    async delete(key) {
      await rm(fullPath(key), { force: true });
    },
    async exists(key) {
      try {
        await stat(fullPath(key));
        return true;
      } catch {
        return false;
      }
    },
  };
}
