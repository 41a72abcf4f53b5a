// Mapping between JobSeeker rows (French column names of the data model) and the API / form
// vocabulary of job-seeker.schema.ts. Pure: no Prisma client, only its types.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobSeekerInput, JobSeekerSummary } from "@/lib/job-seekers/job-seeker.schema";

export const summarySelect = {
  id: true, civilite: true, lastName: true, firstName: true, birthDate: true, email: true, phone: true, franceTravailId: true,
  inseeCode: true, city: true, origin: true, informedAt: true, lastContactAt: true, lifecycle: true, version: true,
  platform: { select: { name: true } },
} as const satisfies Prisma.JobSeekerSelect;

type SummaryRow = Prisma.JobSeekerGetPayload<{ select: typeof summarySelect }>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function toSummary(r: SummaryRow): JobSeekerSummary {
  return {
    id: r.id, platform: r.platform.name, civility: r.civilite, lastName: r.lastName, firstName: r.firstName, birthDate: day(r.birthDate),
    email: r.email, phone: r.phone, franceTravailId: r.franceTravailId, communeCode: r.inseeCode, city: r.city, origin: r.origin,
    informedAt: r.informedAt?.toISOString() ?? null, lastContactAt: r.lastContactAt.toISOString(), lifecycle: r.lifecycle, version: r.version,
  };
}

/** Input fields (API names) → columns. Only keys present in `input` are written (PATCH). */
export function toColumns(input: Partial<JobSeekerInput>): Prisma.JobSeekerUncheckedUpdateInput {
  const { civility, communeCode, ...rest } = input;
  const data: Prisma.JobSeekerUncheckedUpdateInput = { ...rest };
  if (civility !== undefined) data.civilite = civility;
  if (communeCode !== undefined) data.inseeCode = communeCode;
  return data;
}

export const detailSelect = {
  ...summarySelect,
  platformId: true, addressLine: true, postalCode: true, transportModes: true, maxTravelMinutes: true, mobilityScope: true, mobilityCodes: true,
  supportNeeds: true, supportNeedsOther: true, lastClassAttended: true, diplomasObtained: true, diplomasInProgress: true, trainingType: true,
  trainingStartDate: true, employmentSituation: true, inActivity: true, monthsWithoutEmployment: true, contractType: true, wantsChange: true,
  situationDuringFollowUp: true, desiredRomeCodes: true, desiredJobLabel: true, experiences: true, skillLanguages: true, skillCertifications: true,
  skillProfessionalLicences: true, skillIt: true, csp: true, rsa: true, rqth: true, indemnise: true, strengthsAndObstacles: true,
  referentId: true, informedChannel: true, createdAt: true, restrictedAt: true,
  referent: { select: { firstName: true, lastName: true } },
} as const satisfies Prisma.JobSeekerSelect;

export type DetailRow = Prisma.JobSeekerGetPayload<{ select: typeof detailSelect }>;

/** The whole record in API vocabulary (GET /api/v1/job-seekers/{id}, and the edit form's values). */
export function toDetail(r: DetailRow) {
  return {
    ...toSummary(r),
    platformId: r.platformId,
    addressLine: r.addressLine, postalCode: r.postalCode, transportModes: r.transportModes, maxTravelMinutes: r.maxTravelMinutes,
    mobilityScope: r.mobilityScope, mobilityCodes: r.mobilityCodes, supportNeeds: r.supportNeeds, supportNeedsOther: r.supportNeedsOther,
    lastClassAttended: r.lastClassAttended, diplomasObtained: r.diplomasObtained, diplomasInProgress: r.diplomasInProgress,
    trainingType: r.trainingType, trainingStartDate: day(r.trainingStartDate), employmentSituation: r.employmentSituation,
    inActivity: r.inActivity, monthsWithoutEmployment: r.monthsWithoutEmployment, contractType: r.contractType, wantsChange: r.wantsChange,
    situationDuringFollowUp: r.situationDuringFollowUp, desiredRomeCodes: r.desiredRomeCodes, desiredJobLabel: r.desiredJobLabel,
    experiences: r.experiences, skillLanguages: r.skillLanguages, skillCertifications: r.skillCertifications,
    skillProfessionalLicences: r.skillProfessionalLicences, skillIt: r.skillIt, csp: r.csp, rsa: r.rsa, rqth: r.rqth, indemnise: r.indemnise,
    strengthsAndObstacles: r.strengthsAndObstacles, referentId: r.referentId,
    referentName: r.referent ? `${r.referent.firstName} ${r.referent.lastName}` : null, informedChannel: r.informedChannel,
    restricted: r.restrictedAt !== null,
  };
}
export type JobSeekerDetail = ReturnType<typeof toDetail>;
