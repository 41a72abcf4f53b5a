import "server-only";
// Encryption at rest of small secrets (the TOTP seed of each account): AES-256-GCM with a key
// derived (HKDF-SHA-256) from NEXTAUTH_SECRET, so a database dump alone does not give anyone the
// second factor. Stored form: "enc:v1:<iv>.<tag>.<ciphertext>" (base64url). A value without the
// prefix is read as clear text: the documented development seed writes its fixed secret that way.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const PREFIX = "enc:v1:";

function key(): Buffer {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET manquant : impossible de chiffrer le secret de double authentification.");
  return Buffer.from(hkdfSync("sha256", secret, "si-proch-emploi", "totp-secret-v1", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".")}`;
}

export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, data] = stored.slice(PREFIX.length).split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !data) throw new Error("Secret chiffré illisible.");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
