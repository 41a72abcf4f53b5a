// The S3 driver against s3rver, a small S3-compatible HTTP server run inside the test (loopback,
// a temporary folder): real HTTP requests signed by @aws-sdk/client-s3, not a mock of the SDK.
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3ClientConfig, s3Storage, type S3Settings } from "@/lib/storage/s3";
import { StoredFileMissingError } from "@/lib/storage/storage";

let dir = "";
let server: S3rver;
let settings: S3Settings;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pe-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir });
  const { port } = await server.run();
  settings = { endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", bucket: "prochemploi-test", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true };
  await new S3Client(s3ClientConfig(settings)).send(new CreateBucketCommand({ Bucket: settings.bucket }));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString();
}

describe("stockage des fichiers (S3 compatible)", () => {
  it("range, relit en entier et en flux, puis supprime un fichier", async () => {
    const s = s3Storage(settings, "files");
    const f = await s.put(Buffer.from("bilan mensuel"), { prefix: "Bilans 2026" });
    expect(f.key).toMatch(/^bilans-2026\/[0-9a-f-]{36}$/);
    expect(f.size).toBe(13);
    expect(await s.exists(f.key)).toBe(true);
    expect((await s.get(f.key)).toString()).toBe("bilan mensuel");
    expect(await text(await s.stream(f.key))).toBe("bilan mensuel");
    await s.delete(f.key);
    expect(await s.exists(f.key)).toBe(false);
    await s.delete(f.key); // already gone: no error
  });

  it("chaque usage a son dossier dans le compartiment : une même clé n'y désigne pas le même objet", async () => {
    const files = s3Storage(settings, "files");
    const receipts = s3Storage(settings, "receipts");
    const key = `${randomUUID()}/${randomUUID()}`;
    await receipts.putAt(key, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect((await receipts.get(key)).toString()).toBe("%PDF");
    expect(await files.exists(key)).toBe(false);
  });

  it("un objet absent : erreur dédiée, comme le dossier local", async () => {
    const s = s3Storage(settings, "files");
    const key = `files/${randomUUID()}`;
    await expect(s.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    await expect(s.stream(key)).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it("un compartiment inexistant : l'erreur du serveur remonte (pas de faux succès)", async () => {
    const s = s3Storage({ ...settings, bucket: "absent-bucket" }, "files");
    await expect(s.put(Buffer.from("x"))).rejects.toThrow();
  });

  it("refuse une clé hors format avant tout appel réseau", async () => {
    const s = s3Storage(settings, "files");
    await expect(s.get("../../etc/passwd")).rejects.toThrow("Invalid storage key");
  });
});
