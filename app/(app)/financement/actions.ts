"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import {
  actualLineSchema,
  budgetLineFormSchema,
  createSubsidyFileSchema,
  milestonesSchema,
  paymentFormSchema,
  transitionFormSchema,
  updateSubsidyFileFormSchema,
} from "@/lib/subsidy/subsidy-file.schema";
import { addBudgetLine, createSubsidyFile, deleteBudgetLine, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition, recordActualExpense, recordMilestones, recordPayment } from "@/lib/subsidy/subsidy-workflow.service";
import { eurosSchema } from "@/lib/subsidy/subsidy-file.schema";
import { assignReviewer } from "@/lib/subsidy/subsidy-reviewer.service";
import { claimFormSchema, ftBreachFormSchema, refundOrderFormSchema, refundOrderPaidSchema } from "@/lib/subsidy/subsidy-file.schema";
import { claimTranche, issueRefundOrder, markRefundOrderPaid, recordFtBreach } from "@/lib/subsidy/tranche.service";
import { updateAnnualRequestSchema } from "@/lib/subsidy/annual-request.schema";
import { updateAnnualRequest } from "@/lib/subsidy/annual-request.service";

const fileRef = z.object({ fileId: z.uuid("Dossier invalide.") });
const lineRef = fileRef.extend({ lineId: z.uuid("Ligne invalide.") });
const refresh = (id: string) => revalidatePath(`/financement/${id}`);

const create = serverAction({ permission: "subsidy.submit", schema: createSubsidyFileSchema }, async (user, input) => createSubsidyFile(db, user, input));

const update = serverAction({ permission: "subsidy.write", schema: z.intersection(fileRef, updateSubsidyFileFormSchema) }, async (user, { fileId, ...input }) => {
  await updateSubsidyFile(db, user, fileId, input);
  refresh(fileId);
  return undefined;
});

const addLine = serverAction({ permission: "subsidy.write", schema: z.intersection(fileRef, budgetLineFormSchema) }, async (user, { fileId, ...input }) => {
  await addBudgetLine(db, user, fileId, input);
  refresh(fileId);
  return undefined;
});

const removeLine = serverAction({ permission: "subsidy.write", schema: lineRef }, async (user, { fileId, lineId }) => {
  await deleteBudgetLine(db, user, fileId, lineId);
  refresh(fileId);
  return undefined;
});

const transition = serverAction({ permission: "subsidy.read", schema: z.intersection(fileRef, transitionFormSchema) }, async (user, { fileId, ...input }) => {
  // The step's own permission (submit, review, approve) is checked by the service.
  const r = await applyTransition(db, user, fileId, input);
  refresh(fileId);
  return r;
});

const pay = serverAction({ permission: "payment.write", schema: z.intersection(fileRef, paymentFormSchema) }, async (user, { fileId, ...input }) => {
  const r = await recordPayment(db, user, fileId, input);
  refresh(fileId);
  return r;
});

const actualForm = z
  .object({ version: actualLineSchema.shape.version, actualEuros: eurosSchema, gapExplanation: actualLineSchema.shape.gapExplanation })
  .transform(({ actualEuros, ...rest }) => ({ ...rest, actualCents: actualEuros }));

const actual = serverAction({ permission: "subsidy.write", schema: z.intersection(lineRef, actualForm) }, async (user, { fileId, lineId, ...input }) => {
  await recordActualExpense(db, user, fileId, lineId, input);
  refresh(fileId);
  return undefined;
});

const milestones = serverAction({ permission: "subsidy.review", schema: z.intersection(fileRef, milestonesSchema) }, async (user, { fileId, ...input }) => {
  await recordMilestones(db, user, fileId, input);
  refresh(fileId);
  return undefined;
});

const reviewer = serverAction(
  {
    permission: "subsidy.review",
    schema: fileRef.extend({ version: z.coerce.number().int().positive(), reviewerId: z.uuid("Relecteur invalide.").or(z.literal("").transform(() => null)) }),
  },
  async (user, { fileId, ...input }) => {
    await assignReviewer(db, user, fileId, input);
    refresh(fileId);
    return undefined;
  },
);

export async function assignReviewerAction(...a: Parameters<typeof reviewer>) { return reviewer(...a); }
export async function recordMilestonesAction(...a: Parameters<typeof milestones>) { return milestones(...a); }
export async function createSubsidyFileAction(...a: Parameters<typeof create>) { return create(...a); }
export async function updateSubsidyFileAction(...a: Parameters<typeof update>) { return update(...a); }
export async function addBudgetLineAction(...a: Parameters<typeof addLine>) { return addLine(...a); }
export async function deleteBudgetLineAction(...a: Parameters<typeof removeLine>) { return removeLine(...a); }
export async function transitionAction(...a: Parameters<typeof transition>) { return transition(...a); }
export async function recordPaymentAction(...a: Parameters<typeof pay>) { return pay(...a); }
export async function recordActualAction(...a: Parameters<typeof actual>) { return actual(...a); }

// ───────────── tranche claims, refund orders, France Travail breaches ─────────────

const claim = serverAction(
  { permission: "tranche.claim", schema: z.intersection(fileRef.extend({ trancheId: z.uuid("Tranche invalide.") }), claimFormSchema) },
  async (user, { fileId, trancheId, version, ...documents }) => {
    const r = await claimTranche(db, user, fileId, trancheId, { version, documents });
    refresh(fileId);
    return r;
  },
);

const refundOrder = serverAction({ permission: "refundOrder.write", schema: z.intersection(fileRef, refundOrderFormSchema) }, async (user, { fileId, ...input }) => {
  const r = await issueRefundOrder(db, user, fileId, input);
  refresh(fileId);
  return r;
});

const refundPaid = serverAction(
  { permission: "refundOrder.write", schema: z.intersection(fileRef.extend({ orderId: z.uuid("Ordre invalide.") }), refundOrderPaidSchema) },
  async (user, { fileId, orderId, ...input }) => {
    await markRefundOrderPaid(db, user, fileId, orderId, input);
    refresh(fileId);
    return undefined;
  },
);

const breach = serverAction({ permission: "subsidy.approve", schema: z.intersection(fileRef, ftBreachFormSchema) }, async (user, { fileId, ...input }) => {
  await recordFtBreach(db, user, fileId, input);
  refresh(fileId);
  return undefined;
});

// Issue 22 §4 — the Région annual request (convention cadre art. 5): written by the platform manager.
const annualRequest = serverAction({ permission: "subsidy.submit", schema: z.intersection(fileRef, updateAnnualRequestSchema) }, async (user, { fileId, ...input }) => {
  await updateAnnualRequest(db, user, fileId, input);
  refresh(fileId);
  return undefined;
});

export async function updateAnnualRequestAction(...a: Parameters<typeof annualRequest>) { return annualRequest(...a); }
export async function claimTrancheAction(...a: Parameters<typeof claim>) { return claim(...a); }
export async function issueRefundOrderAction(...a: Parameters<typeof refundOrder>) { return refundOrder(...a); }
export async function markRefundOrderPaidAction(...a: Parameters<typeof refundPaid>) { return refundPaid(...a); }
export async function recordFtBreachAction(...a: Parameters<typeof breach>) { return breach(...a); }
