import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { localStorage, type StorageDriver } from "@/lib/storage/storage";

let driver: StorageDriver | undefined;

/** The configured storage driver (STORAGE_DRIVER). */
export function storage(): StorageDriver {
  driver ??= localStorage(path.resolve(env.STORAGE_DIR));
  return driver;
}
