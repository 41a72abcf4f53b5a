import "server-only";
// Workflow steps and payments of a subsidy file. A step checks the role (policy), the current
// status (workflow rules) and the version (optimistic lock), writes the history and the audit in
// the same transaction. Payments lock the file row so that concurrent payments are serialised and
// their total can never exceed the award.
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildTrancheSchedule, paymentRefusal, trancheRulesOf } from "@/lib/subsidy/subsidy-balance.rules";
import { transitionFieldErrors, type ActualLineInput, type MilestonesInput, type PaymentInput, type TransitionInput } from "@/lib/subsidy/subsidy-file.schema";
import { fileLinesInput, findScopedFile, rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import { computeSubsidy } from "@/lib/subsidy/subsidy.rules";
import { actualsEditable, nextStatus, paymentsOpen, STATUS_LABELS, TRANSITION_DEFS } from "@/lib/subsidy/subsidy-workflow.rules";
import { formatCents } from "@/lib/format";
import { lapseRefusal, paymentSuspension, TERMINATION_MODE_LABELS, terminationEffectiveDate, terminationTakesEffect } from "@/lib/subsidy/termination.rules";
import { documentDatesOf, syncTrancheStatuses, trancheStates } from "@/lib/subsidy/tranche.service";
import { financialReportCompletenessOf } from "@/lib/subsidy/financial-report.service";
import type { TrancheStatusName } from "@/lib/subsidy/tranche.rules";
import { activityBilanMissing, activityBilanRequired, annualRequestFieldErrors, annualRequestRefusal, overrideReasonRefusal, paymentWaitsFor } from "@/lib/subsidy/annual-request.rules";
import { annualRequestChecklistFor } from "@/lib/subsidy/annual-request.service";

const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function applyTransition(db: Db, user: CurrentUser, id: string, input: TransitionInput, now = new Date()): Promise<{ status: string; version: number }> {
  const def = TRANSITION_DEFS[input.transition];
  // Permission first, then scope (another platform's file: 404), then what the step requires (400).
  if (!can(user, def.permission)) throw new ForbiddenError("Votre rôle ne permet pas cette étape du dossier.");
  const file = await findScopedFile(db, user, id);
  const missing = transitionFieldErrors(input);
  if (Object.keys(missing).length > 0) throw new ValidationError(missing);
  const to = nextStatus(input.transition, file.status);
  if (!to) throw new UnprocessableError(`« ${def.label} » est impossible sur un dossier au statut « ${STATUS_LABELS[file.status]} ».`);
  const rs = await rulesForFile(db, file, now);
  const lines = await db.budgetLine.findMany({ where: { subsidyFileId: id } });
  const data: Prisma.SubsidyFileUpdateManyMutationInput = { status: to, version: { increment: 1 } };
  let tranches: ReturnType<typeof buildTrancheSchedule> = [];

  if (input.transition === "submit") {
    // Issue 22 §4 — convention cadre art. 5 and cadre d'intervention §5: a Région request is filed
    // with its description, action programme, financing plan, detailed budget and last year's bilan.
    const items = await annualRequestChecklistFor(db, user, file, now);
    const incomplete = items ? annualRequestRefusal(items) : null;
    if (incomplete) throw new UnprocessableError(incomplete, annualRequestFieldErrors(items!));
    if (lines.length === 0) throw new UnprocessableError("Ajoutez au moins une ligne de budget avant de déposer la demande.");
    if (file.requestedCents <= 0n) throw new UnprocessableError("Indiquez le montant demandé avant de déposer la demande.", { requestedEuros: ["Montant demandé requis."] });
  }
  if (input.transition === "approve") {
    const c = computeSubsidy(rs, {
      staffEtp: Number(file.staffEtp), requestedCents: Number(file.requestedCents), territoryCofundingCents: Number(file.territoryCofundingCents),
      otherCofundingCents: Number(file.otherCofundingCents), lines: fileLinesInput(lines), platform: file.platform,
    });
    if (input.awardedCents! > c.grantCents) {
      throw new UnprocessableError(`Le montant attribué ne peut dépasser le montant retenu de ${formatCents(c.grantCents)}.`, { awardedCents: [`Au plus ${formatCents(c.grantCents)}.`] });
    }
    Object.assign(data, { awardedCents: BigInt(input.awardedCents!), deliberationNumber: input.deliberationNumber, deliberationDate: date(input.deliberationDate!), ruleSetId: rs.id });
  }
  if (input.transition === "sign") {
    const rules = trancheRulesOf(rs);
    if (!rules) throw new UnprocessableError("Le jeu de règles de ce dossier ne définit pas d'échéancier de versement : un administrateur doit le compléter.");
    const signedAt = date(input.signedAt!);
    tranches = buildTrancheSchedule(rules, Number(file.awardedCents ?? 0n), { signedAt, intermediateReportAt: file.intermediateReportAt, finalReviewMeetingAt: file.finalReviewMeetingAt });
    Object.assign(data, { signedAt, notifiedAt: file.notifiedAt ?? signedAt });
  }

  // Issue 22 §3–4: substantial modification, amendment, termination and lapse (termination.rules.ts).
  let detail: string | null = null;
  const at = input.at ? date(input.at) : null;
  const fr = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");
  if (input.transition === "substantialChange") {
    Object.assign(data, { substantialChangeAt: at });
    detail = `Modification substantielle signalée le ${fr(at!)}`;
  }
  if (input.transition === "amendment") {
    Object.assign(data, { substantialChangeAt: null });
    detail = `Avenant du ${fr(at!)}`;
  }
  if (input.transition === "notifyTermination") {
    const mode = input.terminationMode!;
    const effectiveAt = terminationEffectiveDate(file.funder, mode, at!, rs.funder === "FRANCE_TRAVAIL"
      ? { franceTravail: rs.rules.termination }
      : { region: { terminationNoticeMonths: rs.rules.terminationNoticeMonths } });
    if (!effectiveAt) throw new ValidationError({ terminationMode: [`Ce mode ne figure pas dans la convention ${file.funder === "REGION" ? "de la Région" : "France Travail"}.`] });
    Object.assign(data, { terminationMode: mode, terminationNoticeAt: at, terminationEffectiveAt: effectiveAt, ...(input.restitutionCents !== undefined ? { restitutionCents: BigInt(input.restitutionCents) } : {}) });
    detail = `${TERMINATION_MODE_LABELS[mode]} — ${file.funder === "REGION" ? "lettre envoyée" : "reçue"} le ${fr(at!)}, effective le ${fr(effectiveAt)} ; versements suspendus`;
  }
  if (input.transition === "terminate") {
    if (!terminationTakesEffect(file.terminationEffectiveAt, now)) {
      throw new UnprocessableError(`La résiliation ne prend effet que le ${file.terminationEffectiveAt ? fr(file.terminationEffectiveAt) : "?"}.`);
    }
    if (input.restitutionCents !== undefined) Object.assign(data, { restitutionCents: BigInt(input.restitutionCents) });
    detail = `Résiliation effective le ${fr(file.terminationEffectiveAt!)}`;
  }
  if (input.transition === "lapse") {
    const refusal = lapseRefusal(file.funder);
    if (refusal) throw new UnprocessableError(refusal);
    Object.assign(data, { lapsedAt: at });
    detail = `Caducité décidée le ${fr(at!)}`;
  }
  const comment = [detail, input.comment].filter(Boolean).join(". ") || undefined;

  return db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({ where: { id, version: input.version, status: file.status }, data });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    if (tranches.length) {
      await tx.tranche.createMany({
        data: tranches.map((t) => ({ subsidyFileId: id, rank: t.rank, label: t.label, shareBp: t.shareBp, amountCents: BigInt(t.amountCents), condition: t.condition, dueAt: t.dueAt })),
      });
    }
    await tx.subsidyFileEvent.create({ data: { subsidyFileId: id, transition: input.transition, fromStatus: file.status, toStatus: to, comment, actorId: user.id } });
    await recordAudit(tx, {
      action: `subsidyFile.${input.transition}`, actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, platformId: file.platformId,
      reason: input.comment,
      metadata: {
        from: file.status, to, awardedCents: input.awardedCents ?? null, deliberationNumber: input.deliberationNumber ?? null, tranches: tranches.length,
        at: input.at ?? null, terminationMode: input.terminationMode ?? null, restitutionCents: input.restitutionCents ?? null,
      },
    });
    return { status: to, version: input.version + 1 };
  });
}

export async function recordPayment(db: Db, user: CurrentUser, id: string, input: PaymentInput, now = new Date()): Promise<{ id: string; paidCents: number }> {
  if (!can(user, "payment.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, id);
  if (!paymentsOpen(file.status)) {
    // FT art. 14 / Région art. 11: a notified termination suspends payments (termination.rules.ts).
    const suspended = paymentSuspension(file.status, { mode: file.terminationMode, noticeAt: file.terminationNoticeAt, effectiveAt: file.terminationEffectiveAt });
    throw new UnprocessableError(suspended ?? `Aucun versement possible sur un dossier au statut « ${STATUS_LABELS[file.status]} » : la convention doit être signée.`);
  }
  return db.$transaction(async (tx) => {
    // Row lock: two concurrent payments on one file run one after the other, each seeing the other's total.
    const locked = await tx.$queryRaw<{ awardedCents: bigint | null; status: string; activityBilanReceivedAt: Date | null }[]>`
      SELECT "awardedCents", "status"::text AS status, "activityBilanReceivedAt" FROM "SubsidyFile" WHERE id = ${id}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row || row.status !== "SIGNED") throw new ConflictError("Ce dossier a changé de statut entre-temps. Rechargez la page.");
    const agg = await tx.payment.aggregate({ where: { subsidyFileId: id }, _sum: { amountCents: true } });
    const paid = Number(agg._sum.amountCents ?? 0n);
    const refusal = paymentRefusal({ awardedCents: row.awardedCents === null ? null : Number(row.awardedCents), paidCents: paid, amountCents: input.amountCents });
    if (refusal) throw new UnprocessableError(refusal, { amountCents: [refusal] });
    const rs = await rulesForFile(tx, file, now);
    // Issue 22 §4 — cadre d'intervention §5: « Le paiement de la subvention se fera sur présentation
    // d'un bilan d'activité de la plateforme » — any payment of the convention, in a tranche or not.
    const bilanMissing = activityBilanMissing({ required: activityBilanRequired(rs), receivedAt: row.activityBilanReceivedAt });
    let tranche = null;
    let statusBefore: TrancheStatusName | null = null;
    let unmet: string[] = [];
    if (input.trancheId) {
      tranche = await tx.tranche.findFirst({ where: { id: input.trancheId, subsidyFileId: id } });
      if (!tranche) throw new NotFoundError("Tranche introuvable.");
      const state = (await trancheStates(tx, rs, id, { ...documentDatesOf(file), activityBilanReceivedAt: row.activityBilanReceivedAt })).find((t) => t.id === tranche!.id)!;
      statusBefore = state.status;
      if (state.status === "CANCELLED") throw new UnprocessableError("Cette tranche est annulée : aucun versement possible.");
      if (state.status === "PLANNED") unmet = state.conditions.filter((c) => !c.met).map((c) => c.label.toLowerCase());
    }
    // What the payment waits for and lacks: paying anyway needs a confirmation and its reason (issue 15 §4, issue 22 §4).
    const waits = paymentWaitsFor(unmet, bilanMissing);
    if (waits) {
      if (!input.confirmUnmetConditions) throw new UnprocessableError(waits, { confirmUnmetConditions: [waits] });
      const reasonRefusal = overrideReasonRefusal(input.overrideReason);
      if (reasonRefusal) throw new ValidationError({ overrideReason: [reasonRefusal] });
    }
    const override = waits !== null;
    const reason = override ? input.overrideReason!.trim() : null;
    const payment = await tx.payment.create({
      data: {
        subsidyFileId: id, trancheId: tranche?.id, amountCents: BigInt(input.amountCents), paidAt: date(input.paidAt), reference: input.reference, createdById: user.id,
        overrideReason: reason,
      },
    });
    // A payment settles its tranche (a withheld amount is the rest, not a debt): it is « Versée ».
    if (tranche && statusBefore !== "PAID") await tx.tranche.update({ where: { id: tranche.id }, data: { status: "PAID", version: { increment: 1 } } });
    const what = unmet.length ? "des conditions non remplies" : "le bilan d'activité non reçu";
    await tx.subsidyFileEvent.create({
      data: {
        subsidyFileId: id, transition: "paymentRecorded", fromStatus: "SIGNED", toStatus: "SIGNED", actorId: user.id,
        comment: `${formatCents(input.amountCents)} versés le ${input.paidAt.split("-").reverse().join("/")}${tranche ? ` (tranche ${tranche.rank})` : ""}${override ? ` malgré ${what} : ${reason}` : ""}`,
      },
    });
    // The audit keeps ids and the presence of a reason, not its text (shown in the file's history).
    await recordAudit(tx, {
      action: "payment.recorded", actorId: user.id, actorRole: user.role, entityType: "Payment", entityId: payment.id, platformId: file.platformId,
      metadata: {
        subsidyFileId: id, trancheId: tranche?.id ?? null, trancheRank: tranche?.rank ?? null, trancheStatusBefore: statusBefore, unmetConditionsConfirmed: override,
        activityBilanMissing: bilanMissing, overrideReasonGiven: override, amountCents: input.amountCents, paidAt: input.paidAt, reference: input.reference ?? null,
      },
    });
    if (bilanMissing) {
      await recordAudit(tx, {
        action: "payment.activityBilanOverride", actorId: user.id, actorRole: user.role, entityType: "Payment", entityId: payment.id, platformId: file.platformId,
        metadata: { subsidyFileId: id, paymentId: payment.id, trancheId: tranche?.id ?? null, reasonGiven: true, reasonLength: reason!.length },
      });
    }
    return { id: payment.id, paidCents: paid + input.amountCents };
  });
}

/** Compte rendu financier: the actual expense of a line and the explanation of its gap. */
export async function recordActualExpense(db: Db, user: CurrentUser, id: string, lineId: string, input: ActualLineInput): Promise<void> {
  if (!can(user, "subsidy.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, id);
  if (!actualsEditable(file.status)) throw new UnprocessableError("Les dépenses réalisées se saisissent une fois la convention signée.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.budgetLine.updateMany({
      where: { id: lineId, subsidyFileId: id, version: input.version },
      data: { actualCents: BigInt(input.actualCents), gapExplanation: input.gapExplanation || null, version: { increment: 1 } },
    });
    if (count === 0) {
      if (!(await tx.budgetLine.count({ where: { id: lineId, subsidyFileId: id } }))) throw new NotFoundError("Ligne de budget introuvable.");
      throw new ConflictError("Cette ligne a été modifiée entre-temps. Rechargez la page.");
    }
    await recordAudit(tx, { action: "budgetLine.actualRecorded", actorId: user.id, actorRole: user.role, entityType: "BudgetLine", entityId: lineId, platformId: file.platformId, metadata: { subsidyFileId: id, version: input.version, actualCents: input.actualCents, gapExplained: Boolean(input.gapExplanation?.trim()) } });
  });
}

// activityBilanReceivedAt: issue 22 §4, cadre d'intervention §5 (the payment waits for the activity bilan).
const MILESTONES = ["startAttestationAt", "intermediateReportAt", "finalReportAt", "finalReviewMeetingAt", "financialReportReceivedAt", "teamRecruitedAt", "formalNoticeAt", "activityBilanReceivedAt"] as const;

/**
 * Records the dates of the documents and meetings the convention depends on; tranches anchored on
 * the intermediate report or the final review meeting get their due date from the rule set.
 */
export async function recordMilestones(db: Db, user: CurrentUser, id: string, input: MilestonesInput, now = new Date()): Promise<void> {
  if (!can(user, "subsidy.review")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, id);
  if (!["AWARDED", "SIGNED", "CLOSED"].includes(file.status)) throw new UnprocessableError("Les échéances se suivent une fois la subvention attribuée.");
  const data: Record<string, Date | null> = {};
  for (const k of MILESTONES) data[k] = input[k] ? date(input[k]) : null;
  // Issue 22 §4 — convention cadre Région art. 7.3: the financial report is received only complete
  // (actuals, explained gaps, products, qualitative annex). Checked when its date is set or moved;
  // a date already recorded stays as it is while other dates are edited.
  const received = data.financialReportReceivedAt;
  if (file.funder === "REGION" && received && received.getTime() !== file.financialReportReceivedAt?.getTime()) {
    const report = await financialReportCompletenessOf(db, file, now);
    if (!report.complete) {
      const message = `Compte rendu financier incomplet : ${report.missing.join(" ")}`;
      throw new UnprocessableError(message, { financialReportReceivedAt: report.missing });
    }
  }
  const rs = await rulesForFile(db, file, now);
  const rules = trancheRulesOf(rs);
  await db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    if (rules && file.signedAt) {
      const schedule = buildTrancheSchedule(rules, Number(file.awardedCents ?? 0n), {
        signedAt: file.signedAt, intermediateReportAt: data.intermediateReportAt, finalReviewMeetingAt: data.finalReviewMeetingAt,
      });
      for (const t of schedule) await tx.tranche.updateMany({ where: { subsidyFileId: id, rank: t.rank }, data: { dueAt: t.dueAt } });
    }
    await syncTrancheStatuses(tx, id, now);
    if (data.formalNoticeAt && data.formalNoticeAt.getTime() !== file.formalNoticeAt?.getTime()) {
      await tx.subsidyFileEvent.create({
        data: { subsidyFileId: id, transition: "formalNotice", fromStatus: file.status, toStatus: file.status, actorId: user.id, comment: `Mise en demeure du ${input.formalNoticeAt!.split("-").reverse().join("/")} (compte rendu financier manquant)` },
      });
    }
    const changed = Object.fromEntries(MILESTONES.map((k) => [k, input[k] ?? null]));
    await recordAudit(tx, { action: "subsidyFile.milestones", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, platformId: file.platformId, metadata: changed });
  });
}
