import { describe, expect, it } from "vitest";
import { objectKey, s3ClientConfig } from "@/lib/storage/s3";
import { assertStorageKey, storageKey } from "@/lib/storage/storage";

const ID = "0b7c6a52-3f0e-4a5e-9d9f-6f1f3c2b1a00";

describe("pilote S3 : configuration", () => {
  it("un serveur compatible (MinIO…) : point d'accès, région, style chemin et identifiants", () => {
    const c = s3ClientConfig({ endpoint: "https://s3.example.org", region: "fr-par", bucket: "pe", accessKeyId: "AK", secretAccessKey: "SK", forcePathStyle: true });
    expect(c).toMatchObject({ endpoint: "https://s3.example.org", region: "fr-par", forcePathStyle: true, credentials: { accessKeyId: "AK", secretAccessKey: "SK" } });
    expect(c.requestChecksumCalculation).toBe("WHEN_REQUIRED");
  });

  it("AWS lui-même : sans point d'accès ni identifiants, la chaîne par défaut du SDK s'applique", () => {
    const c = s3ClientConfig({ region: "eu-west-3", bucket: "pe", forcePathStyle: false });
    expect(c).not.toHaveProperty("endpoint");
    expect(c).not.toHaveProperty("credentials");
    expect(c.forcePathStyle).toBe(false);
  });

  it("une clé d'accès sans secret n'est pas transmise à moitié", () => {
    expect(s3ClientConfig({ region: "r", bucket: "b", accessKeyId: "AK", forcePathStyle: false })).not.toHaveProperty("credentials");
  });
});

describe("pilote S3 : nom des objets", () => {
  it("range chaque usage dans son dossier du compartiment", () => {
    expect(objectKey("files", `bilans/${ID}`)).toBe(`files/bilans/${ID}`);
    expect(objectKey("receipts", `${ID}/${ID}`)).toBe(`receipts/${ID}/${ID}`);
  });

  it("refuse une clé ou un dossier hors du format attendu", () => {
    expect(() => objectKey("files", "../secret")).toThrow("Invalid storage key");
    expect(() => objectKey("files", `a/b/${ID}`)).toThrow("Invalid storage key");
    expect(() => objectKey("../x", `files/${ID}`)).toThrow("Invalid storage namespace");
  });

  it("storageKey nettoie le dossier et exige un UUID", () => {
    expect(storageKey("Bilans 2026", ID)).toBe(`bilans-2026/${ID}`);
    expect(() => storageKey("files", "pas-un-uuid")).toThrow("Invalid storage key");
    expect(assertStorageKey(`files/${ID}`)).toBe(`files/${ID}`);
  });
});
