// Issue 22 — Région convention annex 1 art. 3.11: no transfer outside the European Union.
import { describe, expect, it } from "vitest";
import { DEFAULT_EU_REGION, isEuRegion, storageRegionProblem } from "@/lib/storage/region.rules";

describe("object storage in the EU (annex 1 art. 3.11)", () => {
  it("knows the EU regions of the usual hosts, not London, Zurich or the US", () => {
    for (const r of ["eu-west-3", "eu-central-1", "fr-par", "gra", "EU-WEST-1"]) expect(isEuRegion(r), r).toBe(true);
    for (const r of ["us-east-1", "eu-west-2", "eu-central-2", "ap-south-1", "minio-local"]) expect(isEuRegion(r), r).toBe(false);
    expect(isEuRegion(DEFAULT_EU_REGION)).toBe(true);
  });
  it("start-up refuses a non-EU region for S3 unless explicitly allowed; local storage is not concerned", () => {
    expect(storageRegionProblem({ STORAGE_DRIVER: "s3", S3_REGION: "us-east-1", S3_ALLOW_NON_EU_REGION: false })).toMatch(/S3_REGION.*Union européenne.*S3_ALLOW_NON_EU_REGION=true/);
    expect(storageRegionProblem({ STORAGE_DRIVER: "s3", S3_REGION: "us-east-1", S3_ALLOW_NON_EU_REGION: true })).toBeNull();
    expect(storageRegionProblem({ STORAGE_DRIVER: "s3", S3_REGION: "eu-west-3", S3_ALLOW_NON_EU_REGION: false })).toBeNull();
    expect(storageRegionProblem({ STORAGE_DRIVER: "local", S3_REGION: "us-east-1", S3_ALLOW_NON_EU_REGION: false })).toBeNull();
  });
});
