import "server-only";
// Subsidy file use cases: read the detail (with the computed amount and its explanation), open a
// file, edit its forecast budget. Each write: authorize → rules → one transaction → audit.
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { adoptPlatformObjectives, conventionIndicatorsOf, type ConventionIndicatorRow } from "@/lib/objectives/convention-indicator.service";
import { conventionAmendments, type AmendmentOption } from "@/lib/objectives/objective.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { financialReportOf, type FinancialReportView } from "@/lib/subsidy/financial-report.service";
import { gapsNeedingExplanation, type FinalBalance } from "@/lib/subsidy/subsidy-balance.rules";
import type { BudgetLineInput, CreateSubsidyFileInput, UpdateSubsidyFileInput } from "@/lib/subsidy/subsidy-file.schema";
import { fileLinesInput, findScopedFile, rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import type { DeMinimisResult } from "@/lib/subsidy/subsidy-compliance.rules";
import { deMinimisForFile } from "@/lib/subsidy/subsidy-compliance.service";
import { computeSubsidy, countsAsEligible, type Computation } from "@/lib/subsidy/subsidy.rules";
import { MODES_BY_FUNDER, paymentSuspension, TERMINATION_MODE_LABELS, type TerminationMode } from "@/lib/subsidy/termination.rules";
import { documentDatesOf, financeFigures, listRefundOrders, trancheStates } from "@/lib/subsidy/tranche.service";
import { activityBilanMissing, activityBilanRequired } from "@/lib/subsidy/annual-request.rules";
import { annualRequestView, type AnnualRequestView } from "@/lib/subsidy/annual-request.service";
import type { ConditionState, FtBreach, PenaltyResult, TrancheStatusName, WithholdingResult } from "@/lib/subsidy/tranche.rules";
import { actualsEditable, availableTransitions, budgetEditable, indicatorsNeedAmendment, STATUS_LABELS, type SubsidyStatusName, type TransitionName } from "@/lib/subsidy/subsidy-workflow.rules";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface SubsidyFileDetail {
  id: string;
  year: number;
  funder: "REGION" | "FRANCE_TRAVAIL";
  status: SubsidyStatusName;
  statusLabel: string;
  version: number;
  platform: { id: string; name: string };
  reviewerId: string | null;
  staffEtp: number;
  requestedCents: number;
  territoryCofundingCents: number;
  otherCofundingCents: number;
  awardedCents: number | null;
  deliberationNumber: string | null;
  deliberationDate: string | null;
  signedAt: string | null;
  ruleSetId: string;
  categories: { code: string; label: string; eligible: boolean }[];
  lines: { id: string; category: string; label: string; eligible: boolean; counted: boolean; forecastCents: number; actualCents: number | null; gapExplanation: string | null; version: number; gapToExplain: boolean }[];
  computation: Computation;
  tranches: {
    id: string; rank: number; label: string; shareBp: number; amountCents: number; condition: string | null; dueAt: string | null; status: TrancheStatusName; paidCents: number;
    conditions: (Omit<ConditionState, "at"> & { at: string | null })[]; claimedAt: string | null;
  }[];
  payments: { id: string; amountCents: number; paidAt: string; reference: string | null; trancheRank: number | null; overrideReason: string | null }[];
  paidCents: number;
  finalBalance: FinalBalance | null;
  history: { id: string; at: string; transition: string; fromStatus: string; toStatus: string; comment: string | null; actor: string | null }[];
  transitions: TransitionName[];
  milestones: Record<"startAttestationAt" | "intermediateReportAt" | "finalReportAt" | "finalReviewMeetingAt" | "financialReportReceivedAt" | "teamRecruitedAt" | "formalNoticeAt" | "activityBilanReceivedAt", string | null>;
  /** Issue 22 §4: the Région annual request (convention cadre art. 5); null for France Travail. */
  annualRequest: AnnualRequestView | null;
  /** Issue 22 §4, cadre d'intervention §5: the activity bilan the payment waits for. */
  activityBilan: { required: boolean; receivedAt: string | null; missing: boolean };
  canRecordMilestones: boolean;
  termination: {
    mode: string | null; modeLabel: string | null; noticeAt: string | null; effectiveAt: string | null; restitutionCents: number | null;
    substantialChangeAt: string | null; lapsedAt: string | null; suspension: string | null; modes: { value: string; label: string }[];
  };
  /** Before approval: aid to the same carrying structure over the de minimis window. */
  deMinimis: DeMinimisResult | null;
  canEditBudget: boolean;
  canEditActuals: boolean;
  canPay: boolean;
  /** Platform manager: claim a tranche whose conditions are met. */
  canClaim: boolean;
  withholding: WithholdingResult;
  ftBreach: FtBreach | null;
  ftMisusedCents: number | null;
  penalty: PenaltyResult | null;
  penaltyRulesMissing: boolean;
  canRecordBreach: boolean;
  refundableCents: number;
  refundOrders: Awaited<ReturnType<typeof listRefundOrders>>;
  canIssueRefund: boolean;
  // issue 22 §4 — compte rendu financier / indicateurs (Région files; null for France Travail).
  /** Convention cadre art. 7.3: products beside the charges, totals, qualitative annex, completeness. */
  financialReport: FinancialReportView | null;
  /** Convention cadre art. 3.1 and 5: the catalogue indicators this annual convention tracks, with targets. */
  conventionIndicators: ConventionIndicatorRow[] | null;
  /** objective.write (the role table's owners of objectives): may choose them from the file. */
  canChooseIndicators: boolean;
  /** Signed Région convention: the amendments recorded on the file, which a change of its indicators cites; null otherwise. */
  indicatorAmendments: AmendmentOption[] | null;
}

export async function getSubsidyFileDetail(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<SubsidyFileDetail> {
  const file = await findScopedFile(db, user, id);
  const [rs, lines, tranches, payments, events] = await Promise.all([
    rulesForFile(db, file, now),
    db.budgetLine.findMany({ where: { subsidyFileId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.tranche.findMany({ where: { subsidyFileId: id }, orderBy: { rank: "asc" } }),
    db.payment.findMany({ where: { subsidyFileId: id }, orderBy: [{ paidAt: "asc" }, { createdAt: "asc" }], include: { tranche: { select: { rank: true } } } }),
    db.subsidyFileEvent.findMany({ where: { subsidyFileId: id }, orderBy: { at: "asc" }, include: { actor: { select: { firstName: true, lastName: true } } } }),
  ]);
  const eligibleCats = rs.rules.eligibleCategories;
  const ineligibleCats = rs.funder === "FRANCE_TRAVAIL" ? rs.rules.nonEligibleCategories : [];
  const lineInputs = fileLinesInput(lines);
  const input = {
    staffEtp: Number(file.staffEtp),
    requestedCents: Number(file.requestedCents),
    territoryCofundingCents: Number(file.territoryCofundingCents),
    otherCofundingCents: Number(file.otherCofundingCents),
    lines: lineInputs,
    platform: file.platform,
  };
  const computation = computeSubsidy(rs, input);
  const beforeApproval = file.status === "SUBMITTED" || file.status === "UNDER_REVIEW";
  const deMinimis = beforeApproval ? await deMinimisForFile(db, file, computation.grantCents, now) : null;
  const paidCents = payments.reduce((s, p) => s + Number(p.amountCents), 0);
  const [figures, states, refundOrders] = await Promise.all([
    financeFigures(db, file, rs, now),
    trancheStates(db, rs, id, documentDatesOf(file)),
    listRefundOrders(db, id),
  ]);
  const threshold = rs.funder === "REGION" ? (rs.rules.gapExplanationThresholdBp ?? 0) : 0;
  const toExplain = new Set(gapsNeedingExplanation(lines.map((l, i) => ({ ...lineInputs[i]!, id: l.id, gapExplanation: l.gapExplanation })), threshold).map((l) => l.id));
  return {
    id: file.id,
    year: file.year,
    funder: file.funder,
    status: file.status,
    statusLabel: STATUS_LABELS[file.status],
    version: file.version,
    reviewerId: file.reviewerId,
    staffEtp: input.staffEtp,
    requestedCents: input.requestedCents,
    territoryCofundingCents: input.territoryCofundingCents,
    otherCofundingCents: input.otherCofundingCents,
    platform: { id: file.platform.id, name: file.platform.name },
    lines: lines.map((l, i) => ({
      id: l.id, category: l.category, label: l.label, eligible: l.eligible, counted: countsAsEligible(lineInputs[i]!, eligibleCats),
      forecastCents: Number(l.forecastCents), actualCents: l.actualCents === null ? null : Number(l.actualCents),
      gapExplanation: l.gapExplanation, version: l.version, gapToExplain: toExplain.has(l.id),
    })),
    awardedCents: file.awardedCents === null ? null : Number(file.awardedCents),
    deliberationNumber: file.deliberationNumber,
    deliberationDate: day(file.deliberationDate),
    signedAt: day(file.signedAt),
    ruleSetId: rs.id,
    categories: [...eligibleCats.map((c) => ({ ...c, eligible: true })), ...ineligibleCats.map((c) => ({ ...c, eligible: false }))],
    computation,
    deMinimis,
    milestones: {
      startAttestationAt: day(file.startAttestationAt), intermediateReportAt: day(file.intermediateReportAt), finalReportAt: day(file.finalReportAt), finalReviewMeetingAt: day(file.finalReviewMeetingAt),
      financialReportReceivedAt: day(file.financialReportReceivedAt), teamRecruitedAt: day(file.teamRecruitedAt), formalNoticeAt: day(file.formalNoticeAt),
      activityBilanReceivedAt: day(file.activityBilanReceivedAt),
    },
    annualRequest: file.funder === "REGION" ? await annualRequestView(db, user, file, eligibleCats) : null,
    activityBilan: {
      required: activityBilanRequired(rs), receivedAt: day(file.activityBilanReceivedAt),
      missing: activityBilanMissing({ required: activityBilanRequired(rs), receivedAt: file.activityBilanReceivedAt }),
    },
    canRecordMilestones: ["AWARDED", "SIGNED", "CLOSED"].includes(file.status) && can(user, "subsidy.review"),
    termination: {
      mode: file.terminationMode, modeLabel: file.terminationMode ? (TERMINATION_MODE_LABELS[file.terminationMode as TerminationMode] ?? file.terminationMode) : null,
      noticeAt: day(file.terminationNoticeAt), effectiveAt: day(file.terminationEffectiveAt),
      restitutionCents: file.restitutionCents === null ? null : Number(file.restitutionCents),
      substantialChangeAt: day(file.substantialChangeAt), lapsedAt: day(file.lapsedAt),
      suspension: paymentSuspension(file.status, { mode: file.terminationMode, noticeAt: file.terminationNoticeAt, effectiveAt: file.terminationEffectiveAt }),
      modes: MODES_BY_FUNDER[file.funder].map((m) => ({ value: m, label: TERMINATION_MODE_LABELS[m] })),
    },
    tranches: tranches.map((t) => ({
      id: t.id, rank: t.rank, label: t.label, shareBp: t.shareBp, amountCents: Number(t.amountCents), condition: t.condition,
      dueAt: day(t.dueAt), claimedAt: t.claimedAt ? t.claimedAt.toISOString() : null,
      status: file.status === "SIGNED" ? (states.find((x) => x.id === t.id)?.status ?? t.status) : t.status,
      conditions: (states.find((x) => x.id === t.id)?.conditions ?? []).map((c) => ({ ...c, at: day(c.at) })),
      paidCents: payments.filter((p) => p.trancheId === t.id).reduce((s, p) => s + Number(p.amountCents), 0),
    })),
    payments: payments.map((p) => ({ id: p.id, amountCents: Number(p.amountCents), paidAt: day(p.paidAt)!, reference: p.reference, trancheRank: p.tranche?.rank ?? null, overrideReason: p.overrideReason })),
    paidCents,
    finalBalance: figures.finalBalance,
    withholding: figures.withholding,
    ftBreach: file.ftBreach as FtBreach | null,
    ftMisusedCents: file.ftMisusedCents === null ? null : Number(file.ftMisusedCents),
    penalty: figures.penalty,
    penaltyRulesMissing: figures.penaltyRulesMissing,
    canRecordBreach: file.funder === "FRANCE_TRAVAIL" && ["SIGNED", "CLOSED"].includes(file.status) && can(user, "subsidy.approve"),
    refundableCents: figures.refundableCents,
    refundOrders,
    canIssueRefund: ["SIGNED", "CLOSED"].includes(file.status) && can(user, "refundOrder.write"),
    canClaim: file.status === "SIGNED" && can(user, "tranche.claim"),
    history: events.map((e) => ({
      id: e.id, at: e.at.toISOString(), transition: e.transition, fromStatus: e.fromStatus, toStatus: e.toStatus, comment: e.comment,
      actor: e.actor ? `${e.actor.firstName} ${e.actor.lastName}` : null,
    })),
    transitions: availableTransitions(file.status, (a: Action) => can(user, a)),
    canEditBudget: budgetEditable(file.status) && can(user, "subsidy.write"),
    canEditActuals: actualsEditable(file.status) && can(user, "subsidy.write"),
    canPay: file.status === "SIGNED" && can(user, "payment.write"),
    // issue 22 §4 — compte rendu financier / indicateurs.
    financialReport: rs.funder === "REGION" && ["SIGNED", "CLOSED", "TERMINATING", "TERMINATED"].includes(file.status)
      ? await financialReportOf(db, file, rs.rules, can(user, "subsidy.write"))
      : null,
    conventionIndicators: file.funder === "REGION" ? await conventionIndicatorsOf(db, file.id) : null,
    canChooseIndicators: file.funder === "REGION" && can(user, "objective.write"),
    indicatorAmendments: file.funder === "REGION" && indicatorsNeedAmendment(file) ? await conventionAmendments(db, file.id) : null,
  };
}

/** A platform manager opens the file of their platform for a year and a funder. */
export async function createSubsidyFile(db: Db, user: CurrentUser, input: CreateSubsidyFileInput, now = new Date()): Promise<{ id: string }> {
  if (!can(user, "subsidy.submit")) throw new ForbiddenError();
  const platformId = user.platformIds[0];
  if (!platformId || user.platformIds.length !== 1) throw new UnprocessableError("Un dossier est ouvert par le responsable d'une seule plateforme.");
  const platform = await db.platform.findUniqueOrThrow({ where: { id: platformId }, select: { staffEtp: true } });
  const rs = await getActiveRuleSet(db, input.funder === "REGION" ? "REGION_FRAMEWORK" : "FRANCE_TRAVAIL", now);
  return db.$transaction(async (tx) => {
    const exists = await tx.subsidyFile.findFirst({ where: { platformId, year: input.year, funder: input.funder }, select: { id: true } });
    if (exists) throw new ConflictError("Un dossier existe déjà pour cette année et ce financeur.", { year: ["Dossier déjà ouvert pour cette année."] });
    const file = await tx.subsidyFile.create({
      data: {
        platformId, year: input.year, funder: input.funder, ruleSetId: rs.id, staffEtp: platform.staffEtp, fiscalYearEnd: new Date(Date.UTC(input.year, 11, 31)),
        // FT convention art. 3.2: the rate is stored on the file; the rule set's rate is only its default.
        fundingRateBp: input.funder === "FRANCE_TRAVAIL" ? rs.payload.fundingRateBp : null,
      },
    });
    // Issue 22 §4: the year's objectives already entered become the Région convention's indicators.
    const indicatorsFromObjectives = input.funder === "REGION" ? await adoptPlatformObjectives(tx, file.id, platformId, input.year) : [];
    await recordAudit(tx, {
      action: "subsidyFile.created", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: file.id, platformId,
      metadata: { ...input, ...(indicatorsFromObjectives.length ? { indicatorsFromObjectives } : {}) },
    });
    return { id: file.id };
  });
}

async function editableFile(db: Db, user: CurrentUser, id: string) {
  if (!can(user, "subsidy.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, id);
  if (!budgetEditable(file.status)) {
    throw new UnprocessableError(`Le budget ne se modifie qu'en brouillon ou après renvoi pour correction (statut actuel : ${STATUS_LABELS[file.status]}).`);
  }
  return file;
}

export async function updateSubsidyFile(db: Db, user: CurrentUser, id: string, input: UpdateSubsidyFileInput): Promise<void> {
  const file = await editableFile(db, user, id);
  const { version, ...data } = input;
  if (data.fundingRateBp !== undefined && file.funder !== "FRANCE_TRAVAIL") {
    throw new ValidationError({ fundingRateBp: ["Le taux par convention ne concerne que les dossiers France Travail (le taux Région est celui du cadre d'intervention)."] });
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({
      where: { id, version, status: { in: ["DRAFT", "RETURNED"] } },
      data: {
        ...(data.fundingRateBp !== undefined ? { fundingRateBp: data.fundingRateBp } : {}),
        staffEtp: data.staffEtp,
        requestedCents: BigInt(data.requestedCents),
        territoryCofundingCents: BigInt(data.territoryCofundingCents),
        otherCofundingCents: BigInt(data.otherCofundingCents),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    await recordAudit(tx, { action: "subsidyFile.updated", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, platformId: file.platformId, metadata: { ...data } });
  });
}

/**
 * A budget line written (added, changed, deleted) changes the file: its version goes up in the same
 * transaction, so a step taken on the version read before (a submit, an approval computed from the
 * lines) gets the 409 of any stale version. The status is checked again here, under the row lock: a
 * line never changes after the submit that raced with it went through.
 */
async function bumpBudgetVersion(tx: DbOrTx, id: string): Promise<void> {
  const { count } = await tx.subsidyFile.updateMany({ where: { id, status: { in: ["DRAFT", "RETURNED"] } }, data: { version: { increment: 1 } } });
  if (count === 0) throw new ConflictError("Ce dossier a changé de statut entre-temps : son budget ne se modifie plus. Rechargez la page.");
}

export async function addBudgetLine(db: Db, user: CurrentUser, id: string, input: BudgetLineInput): Promise<{ id: string }> {
  const file = await editableFile(db, user, id);
  return db.$transaction(async (tx) => {
    await bumpBudgetVersion(tx, id);
    const line = await tx.budgetLine.create({ data: { subsidyFileId: id, category: input.category, label: input.label, eligible: input.eligible, forecastCents: BigInt(input.forecastCents) } });
    await recordAudit(tx, { action: "budgetLine.created", actorId: user.id, actorRole: user.role, entityType: "BudgetLine", entityId: line.id, platformId: file.platformId, metadata: { subsidyFileId: id, ...input } });
    return { id: line.id };
  });
}

export async function updateBudgetLine(db: Db, user: CurrentUser, id: string, lineId: string, input: BudgetLineInput & { version: number }): Promise<void> {
  const file = await editableFile(db, user, id);
  const { version, ...data } = input;
  await db.$transaction(async (tx) => {
    const { count } = await tx.budgetLine.updateMany({
      where: { id: lineId, subsidyFileId: id, version },
      data: { category: data.category, label: data.label, eligible: data.eligible, forecastCents: BigInt(data.forecastCents), version: { increment: 1 } },
    });
    if (count === 0) {
      if (!(await tx.budgetLine.count({ where: { id: lineId, subsidyFileId: id } }))) throw new NotFoundError("Ligne de budget introuvable.");
      throw new ConflictError("Cette ligne a été modifiée entre-temps. Rechargez la page.");
    }
    await bumpBudgetVersion(tx, id);
    await recordAudit(tx, { action: "budgetLine.updated", actorId: user.id, actorRole: user.role, entityType: "BudgetLine", entityId: lineId, platformId: file.platformId, metadata: { subsidyFileId: id, ...data } });
  });
}

export async function deleteBudgetLine(db: Db, user: CurrentUser, id: string, lineId: string): Promise<void> {
  const file = await editableFile(db, user, id);
  await db.$transaction(async (tx) => {
    const line = await tx.budgetLine.findFirst({ where: { id: lineId, subsidyFileId: id } });
    if (!line) throw new NotFoundError("Ligne de budget introuvable.");
    await bumpBudgetVersion(tx, id);
    await tx.budgetLine.delete({ where: { id: lineId } });
    await recordAudit(tx, {
      action: "budgetLine.deleted", actorId: user.id, actorRole: user.role, entityType: "BudgetLine", entityId: lineId, platformId: file.platformId,
      metadata: { subsidyFileId: id, category: line.category, label: line.label, forecastCents: Number(line.forecastCents) },
    });
  });
}
