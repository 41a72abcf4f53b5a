"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createJobSeekerSchema, interactionInputSchema, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { mergeJobSeekers } from "@/lib/job-seekers/job-seeker-merge.service";
import { addInteraction, createJobSeeker, updateJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { diagnosticInputSchema, updateDiagnosticSchema } from "@/lib/diagnostics/diagnostic.schema";
import { createDiagnostic, updateDiagnostic } from "@/lib/diagnostics/diagnostic.service";
import { createProposalSchema, transitionProposalSchema } from "@/lib/proposals/proposal.schema";
import { createProposal, transitionProposal } from "@/lib/proposals/proposal.service";

/** Checkbox groups send one entry per ticked box; the schema reads them comma-joined. */
function joinMulti(formData: FormData): FormData {
  const out = new FormData();
  for (const key of new Set(formData.keys())) out.set(key, formData.getAll(key).map(String).join(","));
  return out;
}

const idSchema = z.object({ id: z.uuid() });

const create = serverAction({ permission: "jobSeeker.write", schema: createJobSeekerSchema }, async (user, input) => {
  const r = await createJobSeeker(db, user, input);
  if (r.status === "CREATED") revalidatePath("/demandeurs");
  return r;
});

const update = serverAction({ permission: "jobSeeker.write", schema: updateJobSeekerSchema.extend(idSchema.shape) }, async (user, { id, ...input }) => {
  const r = await updateJobSeeker(db, user, id, input);
  revalidatePath(`/demandeurs/${id}`);
  return r;
});

const interact = serverAction({ permission: "jobSeeker.write", schema: interactionInputSchema.extend({ jobSeekerId: z.uuid() }) }, async (user, { jobSeekerId, ...input }) => {
  await addInteraction(db, user, jobSeekerId, input);
  revalidatePath(`/demandeurs/${jobSeekerId}`);
  return undefined;
});

const propose = serverAction({ permission: "proposal.write", schema: createProposalSchema }, async (user, input) => {
  const p = await createProposal(db, user, input);
  revalidatePath(`/demandeurs/${input.jobSeekerId}`);
  if (input.offerId) revalidatePath(`/offres/${input.offerId}/candidats`);
  if (input.eventId) revalidatePath(`/evenements/${input.eventId}`);
  return { id: p.id };
});

const transition = serverAction({ permission: "proposal.write", schema: transitionProposalSchema.extend(idSchema.shape) }, async (user, { id, ...input }) => {
  const p = await transitionProposal(db, user, id, input);
  revalidatePath(`/demandeurs/${p.jobSeekerId}`);
  if (p.offerId) revalidatePath(`/offres/${p.offerId}/candidats`);
  return { status: p.status };
});

const diagnose = serverAction({ permission: "diagnostic.write", schema: diagnosticInputSchema }, async (user, input) => {
  await createDiagnostic(db, user, input);
  revalidatePath(`/demandeurs/${input.jobSeekerId}`);
  return undefined;
});

const editDiagnostic = serverAction({ permission: "diagnostic.write", schema: updateDiagnosticSchema.extend({ id: z.uuid() }) }, async (user, { id, ...input }) => {
  const d = await updateDiagnostic(db, user, id, input);
  revalidatePath(`/demandeurs/${d.jobSeekerId}`);
  return { id: d.id, jobSeekerId: d.jobSeekerId };
});

const merge = serverAction(
  { permission: "jobSeeker.write", schema: z.object({ keepId: z.uuid(), duplicateId: z.uuid(), keepVersion: z.coerce.number().int().min(1) }) },
  async (user, input) => {
    const r = await mergeJobSeekers(db, user, input.keepId, input.duplicateId, input.keepVersion);
    revalidatePath(`/demandeurs/${input.keepId}`);
    revalidatePath("/demandeurs");
    return r;
  },
);

export async function mergeJobSeekersAction(...args: Parameters<typeof merge>) {
  return merge(...args);
}
export async function updateDiagnosticAction(...args: Parameters<typeof editDiagnostic>) {
  return editDiagnostic(...args);
}
export async function createDiagnosticAction(...args: Parameters<typeof diagnose>) {
  return diagnose(...args);
}
export async function createJobSeekerAction(prev: Parameters<typeof create>[0], formData: FormData) {
  return create(prev, joinMulti(formData));
}
export async function updateJobSeekerAction(prev: Parameters<typeof update>[0], formData: FormData) {
  return update(prev, joinMulti(formData));
}
export async function addInteractionAction(...args: Parameters<typeof interact>) {
  return interact(...args);
}
export async function createProposalAction(...args: Parameters<typeof propose>) {
  return propose(...args);
}
export async function transitionProposalAction(...args: Parameters<typeof transition>) {
  return transition(...args);
}
