// Secrets for the embedded default, generated once into .data/ (never committed).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface LocalSecrets {
  pgPassword: string;
  nextauthSecret: string;
}

export const DATA_DIR = path.resolve(".data");

export function ensureDataDir(): string {
  mkdirSync(DATA_DIR, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user: the folder must be traversable.
  chmodSync(DATA_DIR, 0o755);
  return DATA_DIR;
}

export function loadLocalSecrets(): LocalSecrets {
  ensureDataDir();
  const file = path.join(DATA_DIR, "secrets.json");
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  }
  const secrets: LocalSecrets = {
    pgPassword: randomBytes(18).toString("base64url"),
    nextauthSecret: randomBytes(32).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
