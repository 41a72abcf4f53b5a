import "server-only";
// Reads of job-seeker records. Every read is personal-data access: it is scoped with scopeFor and
// written to the audit log with the user and the purpose before any data is returned (no audit, no
// data). The audit event is appended on its own (one autocommitted statement, issue 18): the audit
// chain's lock is then taken and released inside the database, never held while Node sends the next
// statement — a read has nothing to roll back, so it needs no transaction shared with its audit.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import { sqlScope } from "@/lib/authz/sql-scope";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { detailSelect, summarySelect, toDetail, toSummary } from "@/lib/job-seekers/job-seeker.dto";
import type { JobSeekerListQuery } from "@/lib/job-seekers/job-seeker.schema";
import { cappedTotal, keysetOrderArgs, keysetPage, type KeysetOrder, type KeysetPage, type ListTotal } from "@/lib/pagination/keyset";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the data was read: stored as the audit event's reason. */
export interface ReadPurpose {
  purpose: string;
  requestId?: string;
}

/**
 * Keyset orders (issue 18), the id following in the first column's direction. The name order reads
 * the normalised names (`lastNameKey`, `firstNameKey`: lower-case without accents, never NULL, "C"
 * collation — « Élodie » sorts with « Elodie »), served by `(platformId, lifecycle, lastNameKey,
 * firstNameKey, id)` for a platform and `(lifecycle, lastNameKey, firstNameKey, id)` for the Région;
 * the dates by `(…, lifecycle, lastContactAt | createdAt, id)`.
 */
const ORDER: Record<JobSeekerListQuery["sort"], KeysetOrder> = {
  name: { keys: [{ field: "lastNameKey", dir: "asc", kind: "string" }, { field: "firstNameKey", dir: "asc", kind: "string" }] },
  "-name": { keys: [{ field: "lastNameKey", dir: "desc", kind: "string" }, { field: "firstNameKey", dir: "desc", kind: "string" }] },
  lastContact: { keys: [{ field: "lastContactAt", dir: "asc", kind: "date" }] },
  "-lastContact": { keys: [{ field: "lastContactAt", dir: "desc", kind: "date" }] },
  createdAt: { keys: [{ field: "createdAt", dir: "asc", kind: "date" }] },
  "-createdAt": { keys: [{ field: "createdAt", dir: "desc", kind: "date" }] },
};
type SortRow = { lastNameKey: string; firstNameKey: string; lastContactAt: Date; createdAt: Date };
const sortValues = (sort: JobSeekerListQuery["sort"], r: SortRow) =>
  sort.endsWith("name") ? [r.lastNameKey, r.firstNameKey] : sort.endsWith("lastContact") ? [r.lastContactAt] : [r.createdAt];

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
export function jobSeekerTermWhere(t: string): Prisma.JobSeekerWhereInput {
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
  lastNameKey: true, firstNameKey: true, createdAt: true,
  proposals: { orderBy: { statusChangedAt: "desc" }, take: 1, select: { kind: true, status: true, label: true, statusChangedAt: true, offer: { select: { title: true } } } },
} as const satisfies Prisma.JobSeekerSelect;

const totalOf = (matched: number): ListTotal => (matched > SEARCH_CAP ? { value: SEARCH_CAP, kind: "atLeast" } : { value: matched, kind: "exact" });

/** The orders of the one-statement search, `j` being the job seeker (the keyset orders above, id last). */
const SQL_ORDER: Record<JobSeekerListQuery["sort"], string> = {
  name: `j."lastNameKey" ASC, j."firstNameKey" ASC, j.id ASC`,
  "-name": `j."lastNameKey" DESC, j."firstNameKey" DESC, j.id DESC`,
  lastContact: `j."lastContactAt" ASC, j.id ASC`,
  "-lastContact": `j."lastContactAt" DESC, j.id DESC`,
  createdAt: `j."createdAt" ASC, j.id ASC`,
  "-createdAt": `j."createdAt" DESC, j.id DESC`,
};

/**
 * The job-seeker scope of lib/authz/policy.ts (`scopeFor`) as SQL on `j`, for the shapes it returns
 * today: the whole Région (`{}`), a referent's people, some platforms, nothing. Any other shape is
 * null: the search then runs through Prisma with the policy's where, unchanged.
 */
function scopeSql(user: CurrentUser): Prisma.Sql | null {
  const scope = scopeFor(user, "jobSeeker") as Record<string, unknown> | null;
  if (!scope) throw new ForbiddenError();
  const keys = Object.keys(scope);
  if (keys.length === 0) return Prisma.sql`TRUE`;
  if (keys.length !== 1) return null;
  const [key] = keys;
  const value = scope[key!];
  if (key === "referentId" && typeof value === "string") return Prisma.sql`j."referentId" = ${value}::uuid`;
  const list = value && typeof value === "object" && Object.keys(value).length === 1 ? (value as { in?: unknown }).in : undefined;
  if ((key === "platformId" || key === "id") && Array.isArray(list) && list.every((v) => typeof v === "string")) {
    if (list.length === 0) return Prisma.sql`FALSE`;
    return key === "platformId" ? Prisma.sql`j."platformId" = ANY(${list}::uuid[])` : Prisma.sql`j.id = ANY(${list}::uuid[])`;
  }
  return null;
}

/** One term as SQL on `j`: exactly jobSeekerTermWhere (same operators, same LIKE escaping). */
function termSql(t: string): Prisma.Sql {
  const key = normalizeSearch(t);
  if (key.length > 0 && key.length <= 2) {
    const prefix = `${likeLiteral(key)}%`;
    return Prisma.sql`(j."lastNameKey" LIKE ${prefix} OR j."firstNameKey" LIKE ${prefix})`;
  }
  const anywhere = `%${likeLiteral(t)}%`;
  return Prisma.sql`(j."lastName" ILIKE ${anywhere} OR j."firstName" ILIKE ${anywhere} OR j.email ILIKE ${anywhere}
    OR j."franceTravailId" LIKE ${`${t.toUpperCase()}%`} OR j.city ILIKE ${anywhere})`;
}

/**
 * The name search in one statement: the matches in the list's order (at most SEARCH_CAP + 1, their
 * number counted by a window over them), the page (one more row than the page when there is one),
 * each with its platform's name and its latest proposal (two changed at the same instant: the
 * higher id, where the Prisma reading took whichever came first). Null when the scope has a shape this SQL
 * does not know.
 */
function searchStatement(user: CurrentUser, terms: string[], q: JobSeekerListQuery, pageNo: number): Prisma.Sql | null {
  const scope = scopeSql(user);
  if (!scope) return null;
  const order = Prisma.raw(SQL_ORDER[q.sort]);
  const filters = [scope, Prisma.sql`j.lifecycle = 'ACTIVE'`, ...terms.map(termSql), ...(q.origin ? [Prisma.sql`j.origin = ${q.origin}::"JobSeekerOrigin"`] : [])];
  return Prisma.sql`SELECT pg.matched, j.id, j.civilite::text AS civilite, j."lastName", j."firstName", j."birthDate", j.email, j.phone, j."franceTravailId",
    j."inseeCode", j.city, j.origin::text AS origin, j."informedAt", j."lastContactAt", j.lifecycle::text AS lifecycle, j.version,
    j."lastNameKey", j."firstNameKey", j."createdAt", pl.name AS "platformName",
    lp.kind::text AS "proposalKind", lp.status::text AS "proposalStatus", lp.label AS "proposalLabel", lp."statusChangedAt" AS "proposalAt", lp.title AS "offerTitle"
  FROM (
    SELECT j.id, count(*) OVER () AS matched
    FROM (SELECT j.id, j."lastNameKey", j."firstNameKey", j."lastContactAt", j."createdAt" FROM "JobSeeker" j
          WHERE ${Prisma.join(filters, " AND ")} ORDER BY ${order} LIMIT ${SEARCH_CAP + 1}) j
    ORDER BY ${order} OFFSET ${(pageNo - 1) * q.pageSize} LIMIT ${q.pageSize + 1}
  ) pg
  JOIN "JobSeeker" j ON j.id = pg.id
  JOIN "Platform" pl ON pl.id = j."platformId"
  LEFT JOIN LATERAL (
    SELECT p.kind, p.status, p.label, p."statusChangedAt", o.title FROM "Proposal" p LEFT JOIN "JobOffer" o ON o.id = p."offerId"
    WHERE p."jobSeekerId" = j.id ORDER BY p."statusChangedAt" DESC, p.id DESC LIMIT 1
  ) lp ON TRUE
  ORDER BY ${order}`;
}

type ListRow = Prisma.JobSeekerGetPayload<{ select: typeof listSelect }>;
type SearchRow = Omit<ListRow, "platform" | "proposals"> & {
  matched: bigint | number; platformName: string;
  proposalKind: ListRow["proposals"][number]["kind"] | null; proposalStatus: ListRow["proposals"][number]["status"] | null;
  proposalLabel: string | null; proposalAt: Date | null; offerTitle: string | null;
};

/** A row of the one-statement search in the shape of Prisma's `listSelect`. */
function fromSearchRow(r: SearchRow): { matched: number; row: ListRow } {
  const { matched, platformName, proposalKind, proposalStatus, proposalLabel, proposalAt, offerTitle, ...seeker } = r;
  const proposals = proposalKind && proposalStatus && proposalAt
    ? [{ kind: proposalKind, status: proposalStatus, label: proposalLabel, statusChangedAt: proposalAt, offer: offerTitle === null ? null : { title: offerTitle } }]
    : [];
  return { matched: Number(matched), row: { ...seeker, platform: { name: platformName }, proposals } };
}

export async function listJobSeekers(db: Db, user: CurrentUser, q: JobSeekerListQuery, p: ReadPurpose) {
  const terms = q.q?.split(/\s+/).filter(Boolean) ?? [];
  const where: Prisma.JobSeekerWhereInput = { AND: [activeSeekerWhere(user), ...terms.map(jobSeekerTermWhere), q.origin ? { origin: q.origin } : {}] };
  const order = ORDER[q.sort];
  const args = keysetOrderArgs(order, q);
  const pageNo = q.page ?? 1;
  // A search without a cursor reads its matches once (ids in order, at most SEARCH_CAP + 1): the
  // total and the page come from that one scan, the page's rows then by primary key. A cursor, the
  // last page, deep pages of a broad search (an export) and the plain list read by keyset with a
  // capped count (« plus de 10 000 » past the cap).
  const oneScan = terms.length > 0 && !args.cursor && !q.last && pageNo * q.pageSize <= SEARCH_CAP;
  let result: KeysetPage<Prisma.JobSeekerGetPayload<{ select: typeof listSelect }>>;
  const oneStatement = oneScan ? searchStatement(user, terms, q, pageNo) : null;
  if (oneStatement) {
    // One round trip (issue 18): matches, their number (up to SEARCH_CAP + 1), the page's rows with
    // their platform and latest proposal.
    let found = (await db.$queryRaw<SearchRow[]>(oneStatement)).map(fromSearchRow);
    let total: ListTotal = totalOf(found[0]?.matched ?? 0);
    if (found.length === 0 && pageNo > 1) {
      // Past the last page: no row carries the number of matches.
      total = totalOf(await db.jobSeeker.count({ where, take: SEARCH_CAP + 1 }));
      found = [];
    }
    result = keysetPage(found.map((f) => f.row), args, q, (r) => sortValues(q.sort, r), total);
  } else if (oneScan) {
    const ids = (await db.jobSeeker.findMany({ where, orderBy: args.orderBy as Prisma.JobSeekerOrderByWithRelationInput[], take: SEARCH_CAP + 1, select: { id: true } })).map((r) => r.id);
    const total = totalOf(ids.length);
    // One more id than the page when there is one: keysetPage then knows a next page follows.
    const pageIds = ids.slice((pageNo - 1) * q.pageSize, pageNo * q.pageSize + 1);
    const byId = new Map((pageIds.length ? await db.jobSeeker.findMany({ where: { id: { in: pageIds } }, select: listSelect }) : []).map((r) => [r.id, r]));
    const rows = pageIds.map((id) => byId.get(id)!).filter(Boolean);
    result = keysetPage(rows, args, q, (r) => sortValues(q.sort, r), total);
  } else {
    const [total, rows] = await Promise.all([
      cappedTotal((take) => db.jobSeeker.count({ where, take })),
      db.jobSeeker.findMany({ where: { AND: [where, args.seek] }, orderBy: args.orderBy as Prisma.JobSeekerOrderByWithRelationInput[], skip: args.skip, take: args.take, select: listSelect }),
    ]);
    result = keysetPage(rows, args, q, (r) => sortValues(q.sort, r), total);
  }
  const rows = result.items;
  const total = result.total;
  await recordAudit(db, {
    action: "jobSeeker.list", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", reason: p.purpose, requestId: p.requestId,
    metadata: { count: rows.length, total, page: result.page, search: q.q ? true : false },
  });
  const items = rows.map(({ lastNameKey: _l, firstNameKey: _f, createdAt: _c, ...r }) => {
    const last = r.proposals[0];
    return {
      ...toSummary(r),
      latestProposal: last ? { kind: last.kind, status: last.status, label: last.offer?.title ?? last.label ?? null, at: last.statusChangedAt.toISOString() } : null,
    };
  });
  return { ...result, items };
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

/** A date as `toISOString().slice(0, 10)` writes it; an instant as `toISOString()` (UTC `timestamp(3)`). */
const DAY = (col: string) => Prisma.raw(`to_char(j."${col}", 'YYYY-MM-DD')`);
const INSTANT = (col: string) => Prisma.raw(`to_char(j."${col}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * GET /api/v1/job-seekers/{id} as JSON text written by PostgreSQL, byte for byte what
 * `JSON.stringify(await getJobSeeker(…))` writes (issue 18: Node CPU per request). One statement
 * instead of three (the record, its platform, its referent) and no row mapping in Node. The scope is
 * the policy's (`scopeFor`, translated by `sqlScope`, which matches nothing for a shape it does not know), active
 * records only, like `findJobSeekerInScope`; the read is audited before the data leaves, as in
 * `getJobSeeker`. A NULL list column reads as `[]`, as Prisma reads it.
 */
export async function getJobSeekerJson(db: Db, user: CurrentUser, id: string, p: ReadPurpose): Promise<string> {
  const scope = scopeFor(user, "jobSeeker");
  if (!scope) throw new ForbiddenError();
  if (!UUID.test(id)) throw new NotFoundError("Demandeur d'emploi introuvable.");
  const rows = await db.$queryRaw<{ platformId: string; body: string }[]>`
    SELECT j."platformId", row_to_json(d)::text AS body
    FROM "JobSeeker" j
    JOIN "Platform" pf ON pf.id = j."platformId"
    LEFT JOIN "User" u ON u.id = j."referentId"
    CROSS JOIN LATERAL (
      SELECT j.id, pf.name AS platform, j.civilite AS civility, j."lastName", j."firstName", ${DAY("birthDate")} AS "birthDate", j.email, j.phone,
        j."franceTravailId", j."inseeCode" AS "communeCode", j.city, j.origin, ${INSTANT("informedAt")} AS "informedAt",
        ${INSTANT("lastContactAt")} AS "lastContactAt", j.lifecycle, j.version,
        j."platformId", j."addressLine", j."postalCode", coalesce(j."transportModes", '{}') AS "transportModes", j."maxTravelMinutes", j."mobilityScope", coalesce(j."mobilityCodes", '{}') AS "mobilityCodes",
        coalesce(j."supportNeeds", '{}') AS "supportNeeds", j."supportNeedsOther", j."lastClassAttended", j."diplomasObtained", j."diplomasInProgress", j."trainingType",
        ${DAY("trainingStartDate")} AS "trainingStartDate", j."employmentSituation", j."inActivity", j."monthsWithoutEmployment",
        j."contractType", j."wantsChange", j."situationDuringFollowUp", coalesce(j."desiredRomeCodes", '{}') AS "desiredRomeCodes", j."desiredJobLabel", j.experiences,
        j."skillLanguages", j."skillCertifications", j."skillProfessionalLicences", j."skillIt", j.csp, j.rsa, j.rqth, j.indemnise,
        j."strengthsAndObstacles", j."referentId", CASE WHEN u.id IS NULL THEN NULL ELSE u."firstName" || ' ' || u."lastName" END AS "referentName",
        j."informedChannel", j."restrictedAt" IS NOT NULL AS restricted
    ) d
    WHERE j.id = ${id}::uuid AND ${sqlScope(scope, "j")} AND j.lifecycle = 'ACTIVE'::"Lifecycle"`;
  const row = rows[0];
  if (!row) throw new NotFoundError("Demandeur d'emploi introuvable.");
  await recordAudit(db, {
    action: "jobSeeker.read", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId: row.platformId,
    reason: p.purpose, requestId: p.requestId,
  });
  return row.body;
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
