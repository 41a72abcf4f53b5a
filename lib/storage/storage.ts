// Where uploaded files live. Callers use this interface only, so the S3-compatible driver
// (@aws-sdk/client-s3, not installed yet) can be added without touching them.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface StoredFile {
  /** Opaque key to keep in the database (never a path chosen by the user). */
  key: string;
  size: number;
  sha256: string;
}

export interface StorageDriver {
  put(content: Buffer, opts?: { prefix?: string }): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9-]{1,40}\/[0-9a-f-]{36}$/;

/** A folder on disk. Writes go to a temporary name then are renamed, so a reader never sees half a file. */
export function localStorage(root: string): StorageDriver {
  const fullPath = (key: string) => {
    if (!KEY.test(key)) throw new Error("Invalid storage key");
    return path.join(root, key);
  };
  return {
    async put(content, opts = {}) {
      const prefix = (opts.prefix ?? "files").toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 40) || "files";
      const key = `${prefix}/${randomUUID()}`;
      const target = fullPath(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, content, { mode: 0o640 });
      await rename(tmp, target);
      return { key, size: content.length, sha256: createHash("sha256").update(content).digest("hex") };
    },
    async get(key) {
      return readFile(fullPath(key));
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
