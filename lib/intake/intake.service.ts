import "server-only";
// Public intake (issue 23): a company or a person leaves a request online; it is routed by commune
// to the platform whose perimeter holds it and lands in that platform's queues. Nothing enters the
// company contacts or the job-seeker base without a staff member (convert / discard below).
import { recordAudit } from "@/lib/audit/audit.service";
import { reserveAttempts } from "@/lib/auth/throttle";
import { callbackDueAt } from "@/lib/callbacks/callback.rules";
import type { Db, DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox.service";
import { intakeAcknowledgementEmail } from "@/lib/intake/intake-email";
import { intakeThrottleKeys, routeCommune } from "@/lib/intake/intake.rules";
import { HONEYPOT_FIELD, type CompanyIntakeInput, type PersonIntakeInput } from "@/lib/intake/intake.schema";
import { ValidationError, TooManyRequestsError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { getSettings } from "@/lib/settings/settings.service";

export type IntakeOutcome = { status: "RECEIVED" } | { status: "OUTSIDE"; numeroVert: string };

/** Rate limits first (atomic counters shared by every instance), from the OPERATIONS rule set. */
async function throttle(db: Db, ip: string, contact: { email: string | null; phone: string | null }, now: Date): Promise<void> {
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload.publicIntake;
  const keys = intakeThrottleKeys(ip, contact);
  const over = await reserveAttempts(
    db,
    [
      { key: keys.ip, limit: { maxFailures: rules.perIp, lockMinutes: rules.windowMinutes } },
      ...keys.address.map((key) => ({ key, limit: { maxFailures: rules.perAddress, lockMinutes: rules.windowMinutes } })),
    ],
    now,
  );
  if (over.length > 0) {
    if (over.some((o) => o.first)) logger.warn({ keys: over.map((o) => o.key.split(":")[0]) }, "public intake: rate limit reached");
    throw new TooManyRequestsError(`Trop de demandes envoyées en peu de temps. Réessayez dans ${rules.windowMinutes} minutes, ou appelez le numéro vert.`);
  }
}

/** The commune (must exist in the INSEE reference) and the platform that covers it, or null. */
async function route(db: DbOrTx, inseeCode: string) {
  const commune = await db.commune.findUnique({ where: { inseeCode }, select: { inseeCode: true, name: true } });
  if (!commune) throw new ValidationError({ communeCode: ["Commune inconnue : choisissez-la dans la liste."] });
  const platforms = await db.platform.findMany({ where: { active: true, perimeterInseeCodes: { has: inseeCode } }, select: { id: true, name: true, perimeterInseeCodes: true } });
  return { commune, platform: routeCommune(platforms, inseeCode) };
}

async function outside(db: DbOrTx): Promise<IntakeOutcome> {
  return { status: "OUTSIDE", numeroVert: (await getSettings(db))["intake.numeroVert"] };
}

async function acknowledge(tx: DbOrTx, email: string | null, numeroVert: string, now: Date) {
  if (email) await enqueueEmail(tx, { ...intakeAcknowledgementEmail(email, { numeroVert }), purpose: "intake-ack" }, now);
}

/** A robot filled the hidden field: answer as if received, store nothing. */
function isRobot(input: Record<string, unknown>): boolean {
  const v = input[HONEYPOT_FIELD];
  return typeof v === "string" && v.trim() !== "";
}

export async function submitCompanyRequest(db: Db, input: CompanyIntakeInput, ip: string, now = new Date()): Promise<IntakeOutcome> {
  if (isRobot(input)) {
    logger.info("public intake: honeypot filled, request dropped");
    return { status: "RECEIVED" };
  }
  await throttle(db, ip, input, now);
  const { commune, platform } = await route(db, input.communeCode);
  if (!platform) return outside(db);
  const settings = await getSettings(db);
  // Two requests for a new SIRET at once: the second meets the first's company (unique
  // platform + SIRET) and is replayed once, then finds it.
  for (let attempt = 0; ; attempt++) {
    try {
      await storeCompanyRequest(db, input, ip, platform.id, commune, settings["intake.numeroVert"], now);
      return { status: "RECEIVED" };
    } catch (e) {
      if (attempt === 0 && (e as { code?: string }).code === "P2002") continue;
      throw e;
    }
  }
}

async function storeCompanyRequest(
  db: Db, input: CompanyIntakeInput, ip: string, platformId: string, commune: { inseeCode: string; name: string }, numeroVert: string, now: Date,
): Promise<void> {
  const platform = { id: platformId };
  await db.$transaction(async (tx) => {
    // The company of that platform with this SIRET, or a new one (named by the register when it knows it).
    let company = await tx.company.findUnique({ where: { platformId_siret: { platformId: platform.id, siret: input.siret } }, select: { id: true } });
    let companyCreated = false;
    if (!company) {
      const reg = await tx.sireneEstablishment.findUnique({ where: { siret: input.siret }, select: { name: true, nafCode: true, addressLine: true, postalCode: true, city: true, inseeCode: true } });
      company = await tx.company.create({
        data: {
          platformId: platform.id, siret: input.siret, siren: input.siret.slice(0, 9),
          name: (reg?.name ?? input.companyName).slice(0, 200), nafCode: reg?.nafCode ?? null,
          addressLine: reg?.addressLine ?? null, postalCode: reg?.postalCode ?? null, city: reg?.city ?? commune.name,
          inseeCode: reg?.inseeCode ?? commune.inseeCode,
        },
        select: { id: true },
      });
      companyCreated = true;
    }
    // One open callback per company: a second request joins the one already queued.
    const open = await tx.numeroVertCallback.findFirst({ where: { companyId: company.id, status: "A_RAPPELER" }, select: { id: true, intake: { select: { id: true } } } });
    let callbackId: string | null = null;
    if (!open) {
      const rules = await getActiveRuleSet(tx, "OPERATIONS", now);
      const cb = await tx.numeroVertCallback.create({
        data: { platformId: platform.id, companyId: company.id, origin: "FORMULAIRE_EN_LIGNE", receivedAt: now, dueAt: callbackDueAt(now, rules.payload) },
        select: { id: true },
      });
      callbackId = cb.id;
    } else if (!open.intake) callbackId = open.id;
    const request = await tx.intakeRequest.create({
      data: {
        platformId: platform.id, kind: "ENTREPRISE", submittedAt: now, communeInsee: commune.inseeCode, communeName: commune.name,
        firstName: input.firstName, lastName: input.lastName, role: input.role, email: input.email, phone: input.phone,
        need: input.need, preferredSlot: input.preferredSlot, siret: input.siret, companyId: company.id, callbackId,
      },
      select: { id: true },
    });
    // No personal data in the audit metadata: the request's id is enough to find it.
    await recordAudit(tx, {
      action: "intake.received", entityType: "IntakeRequest", entityId: request.id, platformId: platform.id, ip,
      metadata: { kind: "ENTREPRISE", companyId: company.id, companyCreated, callbackId },
    });
    await acknowledge(tx, input.email, numeroVert, now);
  });
}

export async function submitPersonRequest(db: Db, input: PersonIntakeInput, ip: string, now = new Date()): Promise<IntakeOutcome> {
  if (isRobot(input)) {
    logger.info("public intake: honeypot filled, request dropped");
    return { status: "RECEIVED" };
  }
  await throttle(db, ip, input, now);
  const { commune, platform } = await route(db, input.communeCode);
  if (!platform) return outside(db);
  const settings = await getSettings(db);
  await db.$transaction(async (tx) => {
    const request = await tx.intakeRequest.create({
      data: {
        platformId: platform.id, kind: "PERSONNE", submittedAt: now, communeInsee: commune.inseeCode, communeName: commune.name,
        firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone, need: input.need, preferredSlot: input.preferredSlot,
      },
      select: { id: true },
    });
    await recordAudit(tx, { action: "intake.received", entityType: "IntakeRequest", entityId: request.id, platformId: platform.id, ip, metadata: { kind: "PERSONNE" } });
    await acknowledge(tx, input.email, settings["intake.numeroVert"], now);
  });
  return { status: "RECEIVED" };
}
