import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";
import {
  consumeRecoveryCode, formatRecoveryCode, hashRecoveryCode, matchTotpStep, otpauthUri, totpRequired, verifyTotp,
} from "@/lib/auth/two-factor.rules";
import { ROLES } from "@/lib/authz/policy";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo-totp";

const NOW = new Date("2026-11-23T10:00:15Z");
const at = (d: Date) => generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(d.getTime() / 1000) });
const shift = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe("double authentification : rôles concernés", () => {
  it("est obligatoire pour France Travail, DPO, administration et finances, et seulement eux", () => {
    expect(ROLES.filter(totpRequired).sort()).toEqual(["ADMIN", "DPO", "FRANCE_TRAVAIL_REVIEWER", "REGION_FINANCE"]);
  });
});

describe("double authentification : fenêtre de vérification du code", () => {
  it("accepte le code courant, avec ou sans espace", () => {
    const code = at(NOW);
    expect(verifyTotp(DEMO_TOTP_SECRET, code, NOW)).toBe(true);
    expect(verifyTotp(DEMO_TOTP_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, NOW)).toBe(true);
  });

  it("accepte le code du pas de 30 s précédent et du suivant (dérive d'horloge)", () => {
    expect(verifyTotp(DEMO_TOTP_SECRET, at(shift(-30)), NOW)).toBe(true);
    expect(verifyTotp(DEMO_TOTP_SECRET, at(shift(30)), NOW)).toBe(true);
  });

  it("donne le pas du code et refuse un pas déjà accepté ou antérieur (pas de rejeu)", () => {
    const step = Math.floor(NOW.getTime() / 30_000);
    expect(matchTotpStep(DEMO_TOTP_SECRET, at(NOW), NOW)).toBe(step);
    expect(matchTotpStep(DEMO_TOTP_SECRET, at(shift(30)), NOW)).toBe(step + 1);
    expect(matchTotpStep(DEMO_TOTP_SECRET, at(NOW), NOW, step)).toBeNull();
    expect(matchTotpStep(DEMO_TOTP_SECRET, at(NOW), NOW, step - 1)).toBe(step);
    if (at(shift(-30)) !== at(NOW)) expect(matchTotpStep(DEMO_TOTP_SECRET, at(shift(-30)), NOW, step)).toBeNull();
    expect(matchTotpStep(DEMO_TOTP_SECRET, at(shift(30)), NOW, step)).toBe(step + 1);
  });

  it("refuse un code de deux pas avant ou après", () => {
    // Distinct codes only: two steps can by chance share a code (1 in a million).
    const current = at(NOW);
    for (const s of [-60, -90, 60, 90]) {
      const other = at(shift(s));
      if (other !== current && other !== at(shift(-30)) && other !== at(shift(30))) expect(verifyTotp(DEMO_TOTP_SECRET, other, NOW)).toBe(false);
    }
  });

  it("refuse ce qui n'a pas la forme d'un code et un code d'une autre clé", () => {
    expect(verifyTotp(DEMO_TOTP_SECRET, "", NOW)).toBe(false);
    expect(verifyTotp(DEMO_TOTP_SECRET, "12345", NOW)).toBe(false);
    expect(verifyTotp(DEMO_TOTP_SECRET, "abcdef", NOW)).toBe(false);
    const other = generateSync({ secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", epoch: Math.floor(NOW.getTime() / 1000) });
    if (other !== at(NOW) && other !== at(shift(-30)) && other !== at(shift(30))) expect(verifyTotp(DEMO_TOTP_SECRET, other, NOW)).toBe(false);
  });

  it("donne une URI otpauth que les applications savent lire", () => {
    const uri = otpauthUri(DEMO_TOTP_SECRET, "dpo@region.demo");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${DEMO_TOTP_SECRET}`);
    expect(uri).toContain("dpo%40region.demo");
  });
});

describe("double authentification : codes de secours", () => {
  const codes = Array.from({ length: 10 }, (_, i) => formatRecoveryCode(new Uint8Array(Array.from({ length: 10 }, (_, j) => i * 17 + j * 3))));
  const hashes = codes.map(hashRecoveryCode);

  it("ont la forme xxxxx-xxxxx et ne sont stockés que hachés", () => {
    for (const c of codes) expect(c).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes.some((h) => codes.some((c) => h.includes(c.replace("-", ""))))).toBe(false);
  });

  it("servent une seule fois : un code utilisé disparaît de la liste", () => {
    const left = consumeRecoveryCode(hashes, codes[3]!);
    expect(left).toHaveLength(9);
    expect(left).not.toContain(hashes[3]);
    expect(consumeRecoveryCode(left!, codes[3]!)).toBeNull();
    expect(consumeRecoveryCode(left!, codes[4]!)).toHaveLength(8);
  });

  it("acceptent majuscules, espaces et tiret absent, et refusent un code inconnu", () => {
    const typed = codes[0]!.toUpperCase().replace("-", " ");
    expect(consumeRecoveryCode(hashes, typed)).toHaveLength(9);
    expect(consumeRecoveryCode(hashes, "zzzzz-zzzzz")).toBeNull();
    expect(consumeRecoveryCode(hashes, "")).toBeNull();
  });
});
