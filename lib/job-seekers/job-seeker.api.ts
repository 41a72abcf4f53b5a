// Response shapes of the job-seeker side of the API, for the OpenAPI document.
import { z } from "zod";
import { dayOut, instantOut } from "@/lib/api/common.schema";
import {
  CIVILITIES, EMPLOYMENT_SITUATIONS, INFORMATION_CHANNELS, interactionSchema, jobSeekerSummarySchema, MOBILITY_SCOPES, SUPPORT_NEEDS, TRANSPORT_MODES,
} from "@/lib/job-seekers/job-seeker.schema";
import { CONTRACT_TYPES, PROPOSAL_KINDS, PROPOSAL_STATUSES } from "@/lib/proposals/proposal.rules";

const s = z.string().nullable();
const b = z.boolean().nullable();

export const jobSeekerListItemSchema = jobSeekerSummarySchema.extend({
  latestProposal: z.object({ kind: z.enum(PROPOSAL_KINDS), status: z.enum(PROPOSAL_STATUSES), label: s, at: instantOut() }).nullable(),
});

/** GET /api/v1/job-seekers/{id}: every annex field; lastContactAt and lifecycle are read-only. */
export const jobSeekerDetailSchema = jobSeekerSummarySchema.extend({
  civility: z.enum(CIVILITIES).nullable(),
  platformId: z.uuid(),
  addressLine: s, postalCode: s, transportModes: z.array(z.enum(TRANSPORT_MODES)), maxTravelMinutes: z.number().int().nullable(),
  mobilityScope: z.enum(MOBILITY_SCOPES).nullable(), mobilityCodes: z.array(z.string()), supportNeeds: z.array(z.enum(SUPPORT_NEEDS)), supportNeedsOther: s,
  lastClassAttended: s, diplomasObtained: s, diplomasInProgress: s, trainingType: s, trainingStartDate: dayOut().nullable(),
  employmentSituation: z.enum(EMPLOYMENT_SITUATIONS).nullable(), inActivity: b, monthsWithoutEmployment: z.number().int().nullable(),
  contractType: z.enum(CONTRACT_TYPES).nullable(), wantsChange: b, situationDuringFollowUp: s, desiredRomeCodes: z.array(z.string()), desiredJobLabel: s,
  experiences: s, skillLanguages: s, skillCertifications: s, skillProfessionalLicences: s, skillIt: s, csp: b, rsa: b, rqth: b, indemnise: b,
  strengthsAndObstacles: s, referentId: s, referentName: s, informedChannel: z.enum(INFORMATION_CHANNELS).nullable(),
  /** Restriction of processing (rights request): frozen until the DPO lifts it. */
  restricted: z.boolean(),
});

export const interactionListSchema = z.object({ items: z.array(interactionSchema) });
export const createdInteractionSchema = interactionSchema.extend({ lastContactAt: instantOut() });
