import "server-only";
// Two-factor login (TOTP): enrolment with a QR code, confirmation by a first code, single-use
// recovery codes, the check done at login, and the reset by an administrator. The secret is stored
// encrypted (lib/auth/secret-box.ts) and never leaves this module once enrolment is confirmed (no
// DTO carries it; the logger redacts it).
import { randomBytes } from "node:crypto";
import { generateSecret } from "otplib";
import QRCode from "qrcode";
import { recordAudit } from "@/lib/audit/audit.service";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import type { CurrentUser } from "@/lib/auth/principal";
import {
  consumeRecoveryCode, formatRecoveryCode, hashRecoveryCode, isTotpShaped, otpauthUri, matchTotpStep, RECOVERY_CODE_COUNT,
} from "@/lib/auth/two-factor.rules";
import { can } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

/**
 * Which factor matched, or null. Each factor works once, even under parallel requests: a TOTP code
 * claims its time step with one conditional UPDATE (a code of that step or an earlier one is refused
 * afterwards, so a code seen over a shoulder or replayed within its 90-second window does nothing),
 * and a recovery code is removed the same way.
 */
export async function checkSecondFactor(db: DbOrTx, userId: string, code: string, now = new Date()): Promise<"totp" | "recovery" | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpRecoveryHashes: true, totpLastStep: true } });
  if (!row?.totpSecret || !row.totpEnabledAt) return null;
  if (isTotpShaped(code)) {
    const step = matchTotpStep(openSecret(row.totpSecret), code, now, row.totpLastStep);
    if (step === null) return null;
    return (await claimTotpStep(db, userId, step)) ? "totp" : null;
  }
  if (consumeRecoveryCode(row.totpRecoveryHashes, code) === null) return null;
  const spent = await db.$executeRaw`
    UPDATE "User" SET "totpRecoveryHashes" = array_remove("totpRecoveryHashes", ${hashRecoveryCode(code)})
    WHERE id = ${userId}::uuid AND ${hashRecoveryCode(code)} = ANY("totpRecoveryHashes")`;
  if (spent !== 1) return null;
  await recordAudit(db, { action: "auth.totp.recoveryUsed", actorId: userId, entityType: "User", entityId: userId, metadata: { left: row.totpRecoveryHashes.length - 1 } });
  return "recovery";
}

/** Records `step` as the last accepted one unless a request already accepted it (or a later one). */
async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE "User" SET "totpLastStep" = ${step}
    WHERE id = ${userId}::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  return claimed === 1;
}

export interface EnrolmentScreen {
  /** The secret in clear, for typing into an app that cannot scan: shown only before confirmation. */
  secret: string;
  uri: string;
  qrSvgDataUrl: string;
}

/**
 * The pending secret of a user who has not confirmed two-factor login yet (created on first call,
 * kept on reload so the QR code scanned stays valid). Refused once enrolment is confirmed.
 */
export async function startEnrolment(db: Db, user: CurrentUser): Promise<EnrolmentScreen> {
  if (!can(user, "twoFactor.enrol")) throw new ForbiddenError();
  await db.user.updateMany({ where: { id: user.id, totpEnabledAt: null, totpSecret: null }, data: { totpSecret: sealSecret(generateSecret()) } });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt || !row.totpSecret) throw new ConflictError("La double authentification est déjà activée sur ce compte.");
  const secret = openSecret(row.totpSecret);
  const uri = otpauthUri(secret, user.email);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once and stored hashed. */
export async function confirmEnrolment(db: Db, user: CurrentUser, code: string, now = new Date()): Promise<string[]> {
  if (!can(user, "twoFactor.enrol")) throw new ForbiddenError();
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new ConflictError("La double authentification est déjà activée sur ce compte.");
  if (!row.totpSecret) throw new ConflictError("Rechargez la page pour obtenir un nouveau QR code.");
  const step = matchTotpStep(openSecret(row.totpSecret), code, now);
  if (step === null) {
    await recordAudit(db, { action: "auth.totp.enrolFailed", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id });
    throw new ValidationError({ code: ["Code incorrect : saisissez le code à 6 chiffres affiché par l'application."] });
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(10)));
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: row.totpSecret },
      data: { totpEnabledAt: now, totpRecoveryHashes: codes.map(hashRecoveryCode), totpLastStep: step, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("La double authentification a été modifiée entre-temps. Rechargez la page.");
    await recordAudit(tx, { action: "auth.totp.enabled", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id });
  });
  return codes;
}

/**
 * An administrator removes a user's second factor (lost phone): secret and recovery codes erased,
 * sessions ended; a role that requires it must enrol again at the next login. Audited.
 */
export async function resetTwoFactor(db: Db, actor: CurrentUser, userId: string, version: number, now = new Date()): Promise<void> {
  if (!can(actor, "user.write")) throw new ForbiddenError();
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, totpSecret: true, totpEnabledAt: true } });
  if (!target) throw new NotFoundError("Compte introuvable.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, version },
      data: { totpSecret: null, totpEnabledAt: null, totpRecoveryHashes: [], totpLastStep: null, sessionsRevokedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("Ce compte a été modifié entre-temps. Rechargez la page.");
    await recordAudit(tx, {
      action: "user.totp.reset", actorId: actor.id, actorRole: actor.role, entityType: "User", entityId: userId,
      metadata: { wasEnabled: target.totpEnabledAt !== null },
    });
  });
}
