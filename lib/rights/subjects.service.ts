import "server-only";
// The person a rights request is about: a job seeker, a company contact or a chef de file (issue 22:
// Région convention annex 1 art. 3.4 lists access, rectification, erasure and objection for every
// person concerned, and its art. 2 lists the contacts of companies and the chefs de file among them).
// Looked up within the user's rights scope (the DPO: every platform; a platform: its own).
import { formatDate } from "@/lib/format";
import { likeLiteral } from "@/lib/search/like";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubjectType } from "@/lib/rights/rights.schema";

/** The same platform scope as the requests: `{}` for a region-wide DPO, `{ platformId: { in } }` otherwise. */
export function subjectScope(user: CurrentUser): Prisma.JobSeekerWhereInput & Prisma.CompanyContactWhereInput & Prisma.ChefDeFileWhereInput {
  const where = scopeFor(user, "rightsRequest");
  if (!where) throw new ForbiddenError();
  return where as Prisma.JobSeekerWhereInput & Prisma.CompanyContactWhereInput & Prisma.ChefDeFileWhereInput;
}

export interface ResolvedSubject {
  type: SubjectType;
  id: string;
  platformId: string;
  /** The person appears in a France Travail project's return (a mobility diagnostic on an FT file). */
  inFranceTravailReturn: boolean;
}

const notFound = (field: string) => new ValidationError({ [field]: ["Personne introuvable dans votre périmètre."] });

export async function resolveSubject(tx: DbOrTx, user: CurrentUser, ids: { jobSeekerId?: string; companyContactId?: string; chefDeFileId?: string }): Promise<ResolvedSubject | null> {
  const scope = subjectScope(user);
  const live = { lifecycle: { not: "DESTROYED" as const } };
  if (ids.jobSeekerId) {
    const p = await tx.jobSeeker.findFirst({
      where: { AND: [{ id: ids.jobSeekerId, ...live }, scope] },
      select: { id: true, platformId: true, diagnostics: { where: { subsidyFile: { funder: "FRANCE_TRAVAIL" } }, select: { id: true }, take: 1 } },
    });
    if (!p) throw notFound("jobSeekerId");
    return { type: "JOB_SEEKER", id: p.id, platformId: p.platformId, inFranceTravailReturn: p.diagnostics.length > 0 };
  }
  if (ids.companyContactId) {
    const c = await tx.companyContact.findFirst({ where: { AND: [{ id: ids.companyContactId, ...live }, scope] }, select: { id: true, platformId: true } });
    if (!c) throw notFound("companyContactId");
    return { type: "COMPANY_CONTACT", id: c.id, platformId: c.platformId, inFranceTravailReturn: false };
  }
  if (ids.chefDeFileId) {
    const c = await tx.chefDeFile.findFirst({ where: { AND: [{ id: ids.chefDeFileId, ...live }, scope] }, select: { id: true, platformId: true } });
    if (!c) throw notFound("chefDeFileId");
    return { type: "CHEF_DE_FILE", id: c.id, platformId: c.platformId, inFranceTravailReturn: false };
  }
  return null;
}

export const personName = (p: { firstName: string | null; lastName: string | null; lifecycle: string }) =>
  p.lifecycle === "DESTROYED" ? "(personne effacée)" : [p.lastName?.toUpperCase(), p.firstName].filter(Boolean).join(" ") || "(sans nom)";

/**
 * Job seekers, company contacts and chefs de file matching a name or e-mail (or an FT id), and the
 * public form's callback requests still waiting (issue 23), in scope; audited.
 */
export async function searchSubjects(db: Db, user: CurrentUser, q: string, ctx: { requestId?: string } = {}) {
  if (!can(user, "rights.record")) throw new ForbiddenError();
  const scope = subjectScope(user);
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 3);
  const nameTerms = (extra: (t: string) => object[]) =>
    terms.map((t) => ({ OR: [{ lastName: { contains: likeLiteral(t), mode: "insensitive" as const } }, { firstName: { contains: likeLiteral(t), mode: "insensitive" as const } }, ...extra(t)] }));
  const live = { lifecycle: { not: "DESTROYED" as const } };
  // Issue 23: a callback request left on the public form and still waiting holds a person's data
  // too (name, e-mail, phone). Only waiting ones: a handled or expired request has been wiped.
  const intakeTerms = terms.map((t) => ({
    OR: [
      { lastName: { contains: likeLiteral(t), mode: "insensitive" as const } },
      { firstName: { contains: likeLiteral(t), mode: "insensitive" as const } },
      { email: { contains: likeLiteral(t), mode: "insensitive" as const } },
    ],
  }));
  const [seekers, contacts, chefs, intake] = await Promise.all([
    db.jobSeeker.findMany({
      where: { AND: [scope, live, ...nameTerms((t) => [{ email: { contains: likeLiteral(t), mode: "insensitive" } }, { franceTravailId: t }])] },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 20,
      select: { id: true, firstName: true, lastName: true, birthDate: true, city: true, lifecycle: true, platform: { select: { name: true } } },
    }),
    db.companyContact.findMany({
      where: { AND: [scope, live, ...nameTerms((t) => [{ proEmail: { contains: likeLiteral(t), mode: "insensitive" } }])] },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 10,
      select: { id: true, firstName: true, lastName: true, lifecycle: true, company: { select: { name: true } }, platform: { select: { name: true } } },
    }),
    db.chefDeFile.findMany({
      where: { AND: [scope, live, ...nameTerms((t) => [{ proEmail: { contains: likeLiteral(t), mode: "insensitive" } }])] },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 10,
      select: { id: true, firstName: true, lastName: true, lifecycle: true, sector: true, platform: { select: { name: true } } },
    }),
    db.intakeRequest.findMany({
      where: { AND: [scope as Prisma.IntakeRequestWhereInput, { status: "A_TRAITER" }, ...intakeTerms] },
      orderBy: [{ submittedAt: "asc" }], take: 10,
      select: { id: true, kind: true, firstName: true, lastName: true, communeName: true, submittedAt: true, platform: { select: { name: true } } },
    }),
  ]);
  await recordAudit(db, {
    action: "rightsSubject.search", actorId: user.id, actorRole: user.role, reason: "Demande d'exercice de droits : recherche de la personne", requestId: ctx.requestId,
    metadata: { jobSeekers: seekers.length, companyContacts: contacts.length, chefsDeFile: chefs.length, intakeRequests: intake.length },
  });
  return [
    ...seekers.map((r) => ({ type: "JOB_SEEKER" as const, id: r.id, name: personName(r), birthDate: r.birthDate?.toISOString().slice(0, 10) ?? null, city: r.city, platform: r.platform.name, lifecycle: r.lifecycle })),
    ...contacts.map((r) => ({ type: "COMPANY_CONTACT" as const, id: r.id, name: `${personName(r)} (${r.company.name})`, birthDate: null, city: null, platform: r.platform.name, lifecycle: r.lifecycle })),
    ...chefs.map((r) => ({ type: "CHEF_DE_FILE" as const, id: r.id, name: `${personName(r)} (chef de file, ${r.sector})`, birthDate: null, city: null, platform: r.platform.name, lifecycle: r.lifecycle })),
    // Not a record a rights request can be linked to: the routed platform answers it by discarding
    // the request (which wipes it), and the nightly run wipes it anyway after the retention period.
    ...intake.map((r) => ({
      type: "INTAKE_REQUEST" as const, id: r.id,
      name: `${personName({ ...r, lifecycle: "ACTIVE" })} (demande en ligne du ${formatDate(r.submittedAt)}${r.kind === "ENTREPRISE" ? ", entreprise" : ""})`,
      birthDate: null, city: r.communeName, platform: r.platform.name, lifecycle: "A_TRAITER",
    })),
  ];
}
