import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localStorage, StoredFileMissingError } from "@/lib/storage/storage";

let root = "";
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "pe-storage-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString();
}

describe("stockage des fichiers (dossier local)", () => {
  it("range, relit et supprime un fichier sous une clé opaque", async () => {
    const s = localStorage(root);
    const f = await s.put(Buffer.from("bilan mensuel"), { prefix: "Bilans 2026" });
    expect(f.key).toMatch(/^bilans-2026\/[0-9a-f-]{36}$/);
    expect(f.size).toBe(13);
    expect(f.sha256).toBe(createHash("sha256").update("bilan mensuel").digest("hex"));
    expect((await s.get(f.key)).toString()).toBe("bilan mensuel");
    expect(await text(await s.stream(f.key))).toBe("bilan mensuel");
    expect(await s.exists(f.key)).toBe(true);
    expect(await readdir(path.join(root, "bilans-2026"))).toHaveLength(1);
    await s.delete(f.key);
    expect(await s.exists(f.key)).toBe(false);
    await s.delete(f.key); // already gone: no error
  });

  it("écrit sous une clé choisie par l'appelant, sans laisser de fichier temporaire", async () => {
    const s = localStorage(root);
    const folder = randomUUID();
    const key = `${folder}/${randomUUID()}`;
    await s.putAt(key, new Uint8Array([1, 2, 3]));
    expect([...(await s.get(key))]).toEqual([1, 2, 3]);
    expect(await readdir(path.join(root, folder))).toEqual([key.split("/")[1]]);
  });

  it("un fichier absent : erreur dédiée en lecture, flux compris", async () => {
    const s = localStorage(root);
    const key = `files/${randomUUID()}`;
    await expect(s.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    await expect(s.stream(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    expect(await s.exists(key)).toBe(false);
  });

  it("refuse une clé qui sortirait du dossier", async () => {
    const s = localStorage(root);
    await expect(s.get("../../etc/passwd")).rejects.toThrow("Invalid storage key");
    await expect(s.get("files/../../x")).rejects.toThrow("Invalid storage key");
    await expect(s.putAt("../x/00000000-0000-0000-0000-000000000000", Buffer.from("x"))).rejects.toThrow("Invalid storage key");
  });
});
