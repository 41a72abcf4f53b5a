import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localStorage } from "@/lib/storage/storage";

let root = "";
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "pe-storage-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("stockage des fichiers (dossier local)", () => {
  it("range, relit et supprime un fichier sous une clé opaque", async () => {
    const s = localStorage(root);
    const f = await s.put(Buffer.from("bilan mensuel"), { prefix: "Bilans 2026" });
    expect(f.key).toMatch(/^bilans-2026\/[0-9a-f-]{36}$/);
    expect(f.size).toBe(13);
    expect((await s.get(f.key)).toString()).toBe("bilan mensuel");
    expect(await readdir(path.join(root, "bilans-2026"))).toHaveLength(1);
    await s.delete(f.key);
    expect(await s.exists(f.key)).toBe(false);
  });

  it("refuse une clé qui sortirait du dossier", async () => {
    const s = localStorage(root);
    await expect(s.get("../../etc/passwd")).rejects.toThrow("Invalid storage key");
    await expect(s.get("files/../../x")).rejects.toThrow("Invalid storage key");
  });
});
