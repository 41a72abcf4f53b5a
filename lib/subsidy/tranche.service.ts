import "server-only";
// Tranche claims, refund orders (ordres de reversement) and France Travail breaches. Each write:
// authorize → scoped file → pure rules (tranche.rules.ts) → one transaction → history + audit.
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { paymentSuspension } from "@/lib/subsidy/termination.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { computeFinalBalance, trancheRulesOf, type FinalBalance } from "@/lib/subsidy/subsidy-balance.rules";
import { fileLinesInput, findScopedFile, paidTotal, rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import type { FunderRules } from "@/lib/subsidy/subsidy.rules";
import { activityBilanRequired } from "@/lib/subsidy/annual-request.rules";
import { isInFuture } from "@/lib/fields.schema";
import {
  claimRefusal, computeFtPenalty, computeWithholding, DOCUMENT_DATE_FIELD, FT_BREACHES, nextRefundOrderNumber, refundOrderRefusal, requiredDocuments, trancheConditions, trancheStatus, withActivityBilan,
  type ConditionState, type DocumentDateField, type FtBreach, type PenaltyResult, type TrancheStatusName, type WithholdingResult,
} from "@/lib/subsidy/tranche.rules";

const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

type DocumentDates = Partial<Record<DocumentDateField, Date | null>>;

export interface TrancheState {
  id: string;
  rank: number;
  status: TrancheStatusName;
  conditions: ConditionState[];
}

/** Conditions and status of every tranche of a file, from the documents, receipts and payments recorded. */
export async function trancheStates(db: DbOrTx, rs: FunderRules, fileId: string, dates: DocumentDates): Promise<TrancheState[]> {
  const rules = trancheRulesOf(rs) ?? [];
  const [tranches, receipts, payments] = await Promise.all([
    db.tranche.findMany({ where: { subsidyFileId: fileId }, orderBy: { rank: "asc" } }),
    db.receipt.groupBy({ by: ["trancheId"], where: { subsidyFileId: fileId, trancheId: { not: null } }, _count: { _all: true } }),
    db.payment.groupBy({ by: ["trancheId"], where: { subsidyFileId: fileId, trancheId: { not: null } }, _sum: { amountCents: true } }),
  ]);
  // Issue 22 §4, cadre d'intervention §5: a Région tranche also waits for the activity bilan.
  const bilan = activityBilanRequired(rs);
  return tranches.map((t) => {
    const rule = rules.find((r) => r.rank === t.rank);
    const required = withActivityBilan(rule ? requiredDocuments(rule) : [], bilan);
    const conditions = trancheConditions(required, { documentDates: dates, receiptCount: receipts.find((r) => r.trancheId === t.id)?._count._all ?? 0 });
    const paidCents = Number(payments.find((p) => p.trancheId === t.id)?._sum.amountCents ?? 0n);
    const status = trancheStatus({ stored: t.status, amountCents: Number(t.amountCents), paidCents, claimed: t.claimedAt !== null, conditions });
    return { id: t.id, rank: t.rank, status, conditions };
  });
}

export function documentDatesOf(file: Record<DocumentDateField, Date | null>): DocumentDates {
  return Object.fromEntries(Object.values(DOCUMENT_DATE_FIELD).map((k) => [k, file[k]])) as DocumentDates;
}

/** Persists the statuses the rules give (after documents, receipts or payments changed). */
export async function syncTrancheStatuses(db: DbOrTx, fileId: string, now = new Date()): Promise<void> {
  const file = await db.subsidyFile.findUnique({ where: { id: fileId } });
  if (!file || file.status !== "SIGNED") return;
  const rs = await rulesForFile(db, file, now);
  const states = await trancheStates(db, rs, fileId, documentDatesOf(file));
  for (const s of states) {
    await db.tranche.updateMany({ where: { id: s.id, NOT: { status: s.status } }, data: { status: s.status, version: { increment: 1 } } });
  }
}

export interface ClaimInput {
  version: number;
  /** Dates of documents sent with the claim (only documents not yet recorded are taken). */
  documents: Partial<Record<DocumentDateField, string>>;
}

/** The platform manager claims a tranche once its conditions are met, recording the documents it sends. */
export async function claimTranche(db: Db, user: CurrentUser, fileId: string, trancheId: string, input: ClaimInput, now = new Date()): Promise<{ status: TrancheStatusName }> {
  if (!can(user, "tranche.claim")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, fileId);
  if (file.status !== "SIGNED") {
    // FT art. 14 / Région art. 11: a notified termination suspends payments (termination.rules.ts).
    throw new UnprocessableError(paymentSuspension(file.status, { mode: file.terminationMode, noticeAt: file.terminationNoticeAt, effectiveAt: file.terminationEffectiveAt }) ?? "Une tranche se demande une fois la convention signée.");
  }
  const tranche = await db.tranche.findFirst({ where: { id: trancheId, subsidyFileId: fileId } });
  if (!tranche) throw new NotFoundError("Tranche introuvable.");
  const rs = await rulesForFile(db, file, now);
  const dates = documentDatesOf(file);
  const added: DocumentDates = {};
  for (const [k, v] of Object.entries(input.documents) as [DocumentDateField, string | undefined][]) {
    if (v && !dates[k]) {
      if (isInFuture(date(v), now)) throw new UnprocessableError("Une pièce ne peut être datée dans le futur.", { [k]: ["Date future."] });
      added[k] = date(v);
    }
  }
  const state = (await trancheStates(db, rs, fileId, { ...dates, ...added })).find((s) => s.id === trancheId)!;
  const refusal = claimRefusal(state.status, state.conditions);
  if (refusal) throw new UnprocessableError(refusal);
  return db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({ where: { id: fileId, version: input.version, status: "SIGNED" }, data: { ...added, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    const claimed = await tx.tranche.updateMany({
      where: { id: trancheId, claimedAt: null, status: { notIn: ["PAID", "CANCELLED"] } },
      data: { claimedAt: now, claimedById: user.id, status: "REQUESTED", version: { increment: 1 } },
    });
    if (claimed.count === 0) throw new ConflictError("Cette tranche a été demandée entre-temps. Rechargez la page.");
    await tx.subsidyFileEvent.create({
      data: { subsidyFileId: fileId, transition: "claimTranche", fromStatus: file.status, toStatus: file.status, actorId: user.id, comment: `Tranche ${tranche.rank} — ${tranche.label}` },
    });
    await recordAudit(tx, {
      action: "tranche.claimed", actorId: user.id, actorRole: user.role, entityType: "Tranche", entityId: trancheId, platformId: file.platformId,
      metadata: { subsidyFileId: fileId, rank: tranche.rank, documents: Object.keys(added) },
    });
    return { status: "REQUESTED" as const };
  });
}

// ───────────────────────── money figures of a file ─────────────────────────

type FileRow = Awaited<ReturnType<typeof findScopedFile>>;

export interface FinanceFigures {
  paidCents: number;
  finalBalance: FinalBalance | null;
  withholding: WithholdingResult;
  /** France Travail art. 8 penalty, when a breach is recorded and the rule set has its surcharges. */
  penalty: PenaltyResult | null;
  penaltyRulesMissing: boolean;
  /** What finance may claim back: the penalty total when a breach is recorded, else the negative final balance. */
  refundableCents: number;
}

export async function financeFigures(db: DbOrTx, file: FileRow, rs: FunderRules, now: Date): Promise<FinanceFigures> {
  const [lines, paidCents, deadlines] = await Promise.all([
    db.budgetLine.findMany({ where: { subsidyFileId: file.id } }),
    paidTotal(db, file.id),
    getActiveRuleSet(db, "DEADLINES", now),
  ]);
  const awarded = file.awardedCents === null ? null : Number(file.awardedCents);
  const lineInputs = fileLinesInput(lines);
  const finalBalance = awarded !== null && lines.some((l) => l.actualCents !== null)
    ? computeFinalBalance(rs, { awardedCents: awarded, paidCents, staffEtp: Number(file.staffEtp), platform: file.platform, lines: lineInputs })
    : null;
  const d = deadlines.payload;
  const reportDueAt = file.fiscalYearEnd ? addMonthsUtc(file.fiscalYearEnd, d.financialReportMonthsAfterFiscalYearEnd) : null;
  const withholding = computeWithholding({ ...file, awardedCents: awarded, paidCents }, d, reportDueAt, now);
  const breach = file.ftBreach as FtBreach | null;
  const penaltyRules = rs.funder === "FRANCE_TRAVAIL" ? rs.rules.penalties : undefined;
  const penalty = breach && awarded !== null && penaltyRules
    ? computeFtPenalty(breach, { awardedCents: awarded, misusedCents: file.ftMisusedCents === null ? null : Number(file.ftMisusedCents) }, penaltyRules)
    : null;
  const refundableCents = penalty ? penalty.totalCents : finalBalance && finalBalance.balanceCents < 0 ? -finalBalance.balanceCents : 0;
  return { paidCents, finalBalance, withholding, penalty, penaltyRulesMissing: Boolean(breach) && !penaltyRules, refundableCents };
}

// ───────────────────────── refund orders ─────────────────────────

export interface RefundOrderInput {
  amountCents: number;
  issuedAt: string;
  reason: string;
}

/**
 * Ordre de reversement for (part of) what the file gives to claim back (financeFigures); the
 * orders already issued (not cancelled) count against it.
 */
export async function issueRefundOrder(db: Db, user: CurrentUser, fileId: string, input: RefundOrderInput, now = new Date()): Promise<{ id: string; number: string }> {
  if (!can(user, "refundOrder.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, fileId);
  // A termination « implique la restitution de tout ou partie des sommes versées » (Région art. 11; FT art. 14).
  if (!["SIGNED", "CLOSED", "TERMINATING", "TERMINATED"].includes(file.status)) throw new UnprocessableError("Un ordre de reversement suit une convention signée.");
  const { refundableCents } = await financeFigures(db, file, await rulesForFile(db, file, now), now);
  const { payload: rules } = await getActiveRuleSet(db, "DEADLINES", now);
  const dueDays = rules.refundOrderDueDays;
  if (dueDays === undefined) throw new UnprocessableError("Le délai de paiement des ordres de reversement n'est pas fixé dans le jeu de règles « Délais » : un administrateur doit le renseigner.");
  const issuedAt = date(input.issuedAt);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "SubsidyFile" WHERE id = ${fileId}::uuid FOR UPDATE`;
    const agg = await tx.refundOrder.aggregate({ where: { subsidyFileId: fileId, status: { not: "CANCELLED" } }, _sum: { amountCents: true } });
    const refusal = refundOrderRefusal(input.amountCents, refundableCents, Number(agg._sum.amountCents ?? 0n));
    if (refusal) throw new UnprocessableError(refusal, { amountEuros: [refusal] });
    // Serialise numbering across files: an advisory lock per year.
    const year = issuedAt.getUTCFullYear();
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`refund-order-${year}`}))`;
    const existing = await tx.refundOrder.findMany({ where: { number: { startsWith: `OR-${year}-` } }, select: { number: true } });
    const number = nextRefundOrderNumber(year, existing.map((e) => e.number));
    const order = await tx.refundOrder.create({
      data: { subsidyFileId: fileId, number, amountCents: BigInt(input.amountCents), issuedAt, dueAt: addDaysUtc(issuedAt, dueDays), reason: input.reason, createdById: user.id },
    });
    await tx.subsidyFileEvent.create({
      data: { subsidyFileId: fileId, transition: "refundOrderIssued", fromStatus: file.status, toStatus: file.status, actorId: user.id, comment: `${number} : ${input.reason}` },
    });
    await recordAudit(tx, {
      action: "refundOrder.issued", actorId: user.id, actorRole: user.role, entityType: "RefundOrder", entityId: order.id, platformId: file.platformId,
      metadata: { subsidyFileId: fileId, number, amountCents: input.amountCents, issuedAt: input.issuedAt },
    });
    return { id: order.id, number };
  });
}

export async function markRefundOrderPaid(db: Db, user: CurrentUser, fileId: string, orderId: string, input: { version: number; paidAt: string }): Promise<void> {
  if (!can(user, "refundOrder.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, fileId);
  await db.$transaction(async (tx) => {
    const order = await tx.refundOrder.findFirst({ where: { id: orderId, subsidyFileId: fileId } });
    if (!order) throw new NotFoundError("Ordre de reversement introuvable.");
    if (order.status !== "ISSUED") throw new UnprocessableError("Cet ordre de reversement n'est plus en attente de paiement.");
    const { count } = await tx.refundOrder.updateMany({ where: { id: orderId, version: input.version }, data: { status: "PAID", paidAt: date(input.paidAt), version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cet ordre a été modifié entre-temps. Rechargez la page.");
    await tx.subsidyFileEvent.create({
      data: { subsidyFileId: fileId, transition: "refundOrderPaid", fromStatus: file.status, toStatus: file.status, actorId: user.id, comment: `${order.number} réglé le ${input.paidAt.split("-").reverse().join("/")}` },
    });
    await recordAudit(tx, { action: "refundOrder.paid", actorId: user.id, actorRole: user.role, entityType: "RefundOrder", entityId: orderId, platformId: file.platformId, metadata: { subsidyFileId: fileId, paidAt: input.paidAt } });
  });
}

export async function listRefundOrders(db: DbOrTx, fileId: string) {
  const rows = await db.refundOrder.findMany({ where: { subsidyFileId: fileId }, orderBy: [{ issuedAt: "asc" }, { number: "asc" }] });
  return rows.map((r) => ({
    id: r.id, number: r.number, amountCents: Number(r.amountCents), issuedAt: r.issuedAt.toISOString().slice(0, 10), dueAt: r.dueAt.toISOString().slice(0, 10),
    reason: r.reason, status: r.status, paidAt: r.paidAt ? r.paidAt.toISOString().slice(0, 10) : null, version: r.version,
  }));
}

// ───────────────────────── France Travail breach (art. 8) ─────────────────────────

export async function recordFtBreach(db: Db, user: CurrentUser, fileId: string, input: { version: number; breach: FtBreach | null; misusedCents: number | null }): Promise<void> {
  if (!can(user, "subsidy.approve")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, fileId);
  if (file.funder !== "FRANCE_TRAVAIL") throw new UnprocessableError("Les manquements de l'article 8 concernent les conventions France Travail.");
  if (input.breach && !(input.breach in FT_BREACHES)) throw new UnprocessableError("Manquement inconnu.");
  if (input.breach === "MISUSE" && !input.misusedCents) throw new UnprocessableError("Indiquez le montant utilisé à d'autres fins.", { misusedEuros: ["Montant requis."] });
  await db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({
      where: { id: fileId, version: input.version },
      data: { ftBreach: input.breach, ftMisusedCents: input.breach === "MISUSE" && input.misusedCents !== null ? BigInt(input.misusedCents) : null, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    await tx.subsidyFileEvent.create({
      data: { subsidyFileId: fileId, transition: "ftBreach", fromStatus: file.status, toStatus: file.status, actorId: user.id, comment: input.breach ? FT_BREACHES[input.breach] : "Manquement levé" },
    });
    await recordAudit(tx, { action: "subsidyFile.ftBreach", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: fileId, platformId: file.platformId, metadata: { breach: input.breach, misusedCents: input.misusedCents } });
  });
}

/** An order with what its printed form needs; the print is audited like an export. */
export async function refundOrderForPrint(db: Db, user: CurrentUser, fileId: string, orderId: string) {
  const file = await findScopedFile(db, user, fileId);
  const order = (await listRefundOrders(db, fileId)).find((o) => o.id === orderId);
  if (!order) throw new NotFoundError("Ordre de reversement introuvable.");
  await recordAudit(db, { action: "refundOrder.printed", actorId: user.id, actorRole: user.role, entityType: "RefundOrder", entityId: orderId, platformId: file.platformId, metadata: { subsidyFileId: fileId, number: order.number } });
  return {
    order,
    file: { id: file.id, year: file.year, funder: file.funder, awardedCents: file.awardedCents === null ? null : Number(file.awardedCents), deliberationNumber: file.deliberationNumber },
    beneficiary: { name: file.platform.carryingStructureName, siret: file.platform.carryingStructureSiret, platform: file.platform.name },
  };
}
