import "server-only";
import path from "node:path";
import { env, type Env } from "@/lib/env";
import { s3Storage, type S3Settings } from "@/lib/storage/s3";
import { localStorage, type StorageDriver } from "@/lib/storage/storage";

const drivers = new Map<string, StorageDriver>();

export function s3Settings(e: Env = env): S3Settings {
  return {
    endpoint: e.S3_ENDPOINT, region: e.S3_REGION, bucket: e.S3_BUCKET ?? "",
    accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

function driverFor(namespace: string, localDir: string): StorageDriver {
  let d = drivers.get(namespace);
  if (!d) {
    d = env.STORAGE_DRIVER === "s3" ? s3Storage(s3Settings(), namespace) : localStorage(path.resolve(localDir));
    drivers.set(namespace, d);
  }
  return d;
}

/** Uploaded files (STORAGE_DRIVER): STORAGE_DIR, or the "files/" folder of the S3 bucket. */
export function storage(): StorageDriver {
  return driverFor("files", env.STORAGE_DIR);
}

/** Subsidy receipts: RECEIPTS_DIR, or the "receipts/" folder of the S3 bucket. */
export function receiptStorage(): StorageDriver {
  return driverFor("receipts", env.RECEIPTS_DIR);
}
