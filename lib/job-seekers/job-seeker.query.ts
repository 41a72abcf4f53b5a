import "server-only";
// Reads of job-seeker records. Every read is personal-data access: it is scoped with scopeFor and
// written to the audit log with the user and the purpose before any data is returned (no audit, no
// data). The audit event is appended on its own (one autocommitted statement, issue 18): the audit
// chain's lock is then taken and released inside the database, never held while Node sends the next
// statement — a read has nothing to roll back, so it needs no transaction shared with its audit.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { detailSelect, summarySelect, toDetail, toSummary } from "@/lib/job-seekers/job-seeker.dto";
import type { JobSeekerListQuery } from "@/lib/job-seekers/job-seeker.schema";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the data was read: stored as the audit event's reason. */
export interface ReadPurpose {
  purpose: string;
  requestId?: string;
}

const ORDER = {
  name: [{ lastName: "asc" }, { firstName: "asc" }],
  "-name": [{ lastName: "desc" }, { firstName: "desc" }],
  lastContact: [{ lastContactAt: "asc" }],
  "-lastContact": [{ lastContactAt: "desc" }],
  createdAt: [{ createdAt: "asc" }],
  "-createdAt": [{ createdAt: "desc" }],
} as const satisfies Record<JobSeekerListQuery["sort"], Prisma.JobSeekerOrderByWithRelationInput[]>;

/** The active job seekers `user` may see; ARCHIVED and DESTROYED never appear in normal screens. */
export function activeSeekerWhere(user: CurrentUser): Prisma.JobSeekerWhereInput {
  const scope = scopeFor(user, "jobSeeker");
  if (!scope) throw new ForbiddenError();
  return { AND: [scope as Prisma.JobSeekerWhereInput, { lifecycle: "ACTIVE" }] };
}

/** Matches read in the search's single scan; past this the total reads « plus de 1 000 ». */
export const SEARCH_CAP = 1000;

/**
 * One term of the name search. Three characters or more: anywhere in the last name, first name,
 * e-mail or city (trigram indexes). One or two characters: the start of the normalised last or first
 * name (`lastNameKey` / `firstNameKey`, lower-case without accents, b-tree indexes; not the e-mail,
 * city or France Travail id) — a substring
 * of two letters would match most of the Région and no index can serve it.
 */
function termWhere(t: string): Prisma.JobSeekerWhereInput {
  const key = normalizeSearch(t);
  if (key.length > 0 && key.length <= 2) {
    // `LIKE 'du%'` on a "C"-collated b-tree: an index range scan whatever the database collation.
    return { OR: [{ lastNameKey: { startsWith: likeLiteral(key) } }, { firstNameKey: { startsWith: likeLiteral(key) } }] };
  }
  return {
    OR: [
      { lastName: { contains: likeLiteral(t), mode: "insensitive" } },
      { firstName: { contains: likeLiteral(t), mode: "insensitive" } },
      { email: { contains: likeLiteral(t), mode: "insensitive" } },
      { franceTravailId: { startsWith: t.toUpperCase() } },
      { city: { contains: likeLiteral(t), mode: "insensitive" } },
    ],
  };
}

const listSelect = {
  ...summarySelect,
  proposals: { orderBy: { statusChangedAt: "desc" }, take: 1, select: { kind: true, status: true, label: true, statusChangedAt: true, offer: { select: { title: true } } } },
} as const satisfies Prisma.JobSeekerSelect;

export async function listJobSeekers(db: Db, user: CurrentUser, q: JobSeekerListQuery, p: ReadPurpose) {
  const terms = q.q?.split(/\s+/).filter(Boolean) ?? [];
  const where: Prisma.JobSeekerWhereInput = { AND: [activeSeekerWhere(user), ...terms.map(termWhere), q.origin ? { origin: q.origin } : {}] };
  const orderBy = [...ORDER[q.sort], { id: "asc" }] as Prisma.JobSeekerOrderByWithRelationInput[];
  // A search reads its matches once (ids in order, at most SEARCH_CAP + 1): the total and the page
  // come from that one scan, the page's rows then by primary key. Deep pages of a broad search (an
  // export) and the plain list keep count + page.
  const oneScan = terms.length > 0 && q.page * q.pageSize <= SEARCH_CAP;
  let total: number;
  let totalKind: "exact" | "atLeast" = "exact";
  let rows;
  if (oneScan) {
    const ids = (await db.jobSeeker.findMany({ where, orderBy, take: SEARCH_CAP + 1, select: { id: true } })).map((r) => r.id);
    total = Math.min(ids.length, SEARCH_CAP);
    if (ids.length > SEARCH_CAP) totalKind = "atLeast";
    const pageIds = ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const byId = new Map((pageIds.length ? await db.jobSeeker.findMany({ where: { id: { in: pageIds } }, select: listSelect }) : []).map((r) => [r.id, r]));
    rows = pageIds.map((id) => byId.get(id)!).filter(Boolean);
  } else {
    [total, rows] = await Promise.all([
      db.jobSeeker.count({ where }),
      db.jobSeeker.findMany({ where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: listSelect }),
    ]);
  }
  await recordAudit(db, {
    action: "jobSeeker.list", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", reason: p.purpose, requestId: p.requestId,
    metadata: { count: rows.length, total, page: q.page, search: q.q ? true : false },
  });
  const items = rows.map((r) => {
    const last = r.proposals[0];
    return {
      ...toSummary(r),
      latestProposal: last ? { kind: last.kind, status: last.status, label: last.offer?.title ?? last.label ?? null, at: last.statusChangedAt.toISOString() } : null,
    };
  });
  return { items, page: q.page, pageSize: q.pageSize, total, totalKind };
}
export type JobSeekerListItem = Awaited<ReturnType<typeof listJobSeekers>>["items"][number];

/** A restricted record (rights request) is frozen: no edit, no proposal, no matching until the DPO lifts it. */
export function assertNotRestricted(person: { restrictedAt: Date | null }): void {
  if (person.restrictedAt) throw new UnprocessableError("Le traitement des données de cette personne est limité (demande d'exercice de droits) : aucune modification ni proposition n'est possible tant que le DPO ne l'a pas levé.");
}

/** One record in scope (active only), or NotFoundError — out of scope reads as not found. */
export async function findJobSeekerInScope(tx: DbOrTx, user: CurrentUser, id: string) {
  if (!UUID.test(id)) throw new NotFoundError("Demandeur d'emploi introuvable.");
  const row = await tx.jobSeeker.findFirst({ where: { AND: [{ id }, activeSeekerWhere(user)] }, select: detailSelect });
  if (!row) throw new NotFoundError("Demandeur d'emploi introuvable.");
  return row;
}

export async function getJobSeeker(db: Db, user: CurrentUser, id: string, p: ReadPurpose) {
  const row = await findJobSeekerInScope(db, user, id);
  await recordAudit(db, {
    action: "jobSeeker.read", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId: row.platformId,
    reason: p.purpose, requestId: p.requestId,
  });
  return toDetail(row);
}

/** Everything on the person's timeline, newest first (the record itself was read and audited). */
export async function getJobSeekerActivity(db: DbOrTx, jobSeekerId: string) {
  const [interactions, proposals, events, diagnostics] = await Promise.all([
    db.jobSeekerInteraction.findMany({ where: { jobSeekerId }, orderBy: { at: "desc" }, take: 200, select: { id: true, kind: true, at: true, summary: true } }),
    db.proposal.findMany({
      where: { jobSeekerId },
      orderBy: { proposedAt: "desc" },
      select: {
        id: true, kind: true, status: true, label: true, proposedAt: true, statusChangedAt: true, refusalReason: true, refusalComment: true,
        notRetainedReason: true, interviewAt: true, hiredAt: true, hireContractType: true, version: true, offerId: true,
        offer: { select: { title: true, company: { select: { name: true } } } },
      },
    }),
    db.eventJobSeekerParticipation.findMany({ where: { jobSeekerId }, select: { attended: true, event: { select: { id: true, title: true, date: true } } } }),
    db.mobilityDiagnostic.findMany({ where: { jobSeekerId }, orderBy: { date: "desc" }, select: { id: true, date: true, diagnosticDone: true, accompanimentDone: true } }),
  ]);
  return { interactions, proposals, events, diagnostics };
}
export type JobSeekerActivity = Awaited<ReturnType<typeof getJobSeekerActivity>>;
