import "server-only";
// Chefs de file métier: company heads or HR directors, ambassadors of the scheme for a sector.
// Their names and professional contact details are personal data: detail reads are audited and
// audit diffs name the personal fields changed without copying their values.
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { ChefDeFileDetail, ChefDeFileInput, ChefDeFileListQuery, ChefDeFileSummary, UpdateChefDeFileInput } from "@/lib/chefs-de-file/chef-de-file.schema";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { likeLiteral } from "@/lib/search/like";

const PERSONAL = ["firstName", "lastName", "jobTitle", "proEmail", "proPhone"] as const;

function scope(user: CurrentUser) {
  const s = scopeFor(user, "chefDeFile");
  if (!s) throw new ForbiddenError();
  return s;
}

const ORDER = {
  name: [{ lastName: "asc" }, { firstName: "asc" }],
  "-name": [{ lastName: "desc" }, { firstName: "desc" }],
  sector: [{ sector: "asc" }, { lastName: "asc" }],
  "-sector": [{ sector: "desc" }, { lastName: "asc" }],
  since: [{ since: { sort: "asc", nulls: "last" } }],
  "-since": [{ since: { sort: "desc", nulls: "last" } }],
} as const;

const fullName = (c: { firstName: string | null; lastName: string | null }) => [c.firstName, c.lastName].filter(Boolean).join(" ") || "—";
const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listChefsDeFile(db: Db, user: CurrentUser, q: ChefDeFileListQuery) {
  const search = q.q
    ? {
        OR: [
          { lastName: { contains: likeLiteral(q.q), mode: "insensitive" as const } },
          { firstName: { contains: likeLiteral(q.q), mode: "insensitive" as const } },
          { company: { name: { contains: likeLiteral(q.q), mode: "insensitive" as const } } },
        ],
      }
    : {};
  const where = {
    AND: [scope(user), { lifecycle: "ACTIVE" as const }, search, q.sector ? { sector: q.sector } : {}, q.active ? { active: q.active === "true" } : {}],
  };
  const [total, rows] = await Promise.all([
    db.chefDeFile.count({ where }),
    db.chefDeFile.findMany({
      where,
      orderBy: [...ORDER[q.sort], { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true, firstName: true, lastName: true, jobTitle: true, sector: true, active: true, since: true, companyId: true,
        company: { select: { name: true } }, platform: { select: { name: true } }, _count: { select: { events: true } },
      },
    }),
  ]);
  const items: ChefDeFileSummary[] = rows.map((r) => ({
    id: r.id, platform: r.platform.name, name: fullName(r), jobTitle: r.jobTitle, sector: r.sector, companyId: r.companyId,
    companyName: r.company?.name ?? null, active: r.active, since: iso(r.since), eventCount: r._count.events,
  }));
  // A list shows names too: one event per page viewed, naming the records shown, so the DPO can
  // answer "who saw this person" without a row per line.
  if (rows.length > 0) {
    await recordAudit(db, { action: "chefDeFile.listed", actorId: user.id, actorRole: user.role, entityType: "ChefDeFile", metadata: { ids: rows.map((r) => r.id), page: q.page } });
  }
  return { items, page: q.page, pageSize: q.pageSize, total };
}

export async function listChefSectors(db: Db, user: CurrentUser): Promise<string[]> {
  const rows = await db.chefDeFile.findMany({ where: { AND: [scope(user), { lifecycle: "ACTIVE" }] }, distinct: ["sector"], select: { sector: true }, orderBy: { sector: "asc" } });
  return rows.map((r) => r.sector);
}

const detailSelect = {
  id: true, platformId: true, firstName: true, lastName: true, jobTitle: true, proEmail: true, proPhone: true, sector: true, commitments: true,
  since: true, active: true, companyId: true, version: true, platform: { select: { name: true } }, company: { select: { id: true, name: true, city: true } },
  events: { select: { event: { select: { id: true, title: true, date: true, kind: true, status: true } } }, orderBy: { event: { date: "desc" } } },
} as const;

async function findInScope(tx: DbOrTx, user: CurrentUser, id: string) {
  const row = await tx.chefDeFile.findFirst({ where: { AND: [scope(user), { id }, { lifecycle: "ACTIVE" }] }, select: detailSelect });
  if (!row) throw new NotFoundError("Chef de file introuvable.");
  return row;
}

function toDetail(r: Awaited<ReturnType<typeof findInScope>>): ChefDeFileDetail {
  return {
    id: r.id, platform: r.platform.name, firstName: r.firstName, lastName: r.lastName, jobTitle: r.jobTitle, proEmail: r.proEmail, proPhone: r.proPhone,
    sector: r.sector, commitments: r.commitments, since: iso(r.since), active: r.active, company: r.company,
    events: r.events.map((e) => ({ ...e.event, date: e.event.date.toISOString() })), version: r.version,
  };
}

/** A detail read shows personal data: it is logged (annex 1, journalisation des accès). */
export async function getChefDeFile(db: Db, user: CurrentUser, id: string): Promise<ChefDeFileDetail> {
  return db.$transaction(async (tx) => {
    const row = await findInScope(tx, user, id);
    await recordAudit(tx, { action: "chefDeFile.viewed", actorId: user.id, actorRole: user.role, entityType: "ChefDeFile", entityId: id, platformId: row.platformId });
    return toDetail(row);
  });
}

/** The linked company must be one the user sees, on the chef de file's platform. */
async function checkCompany(tx: DbOrTx, user: CurrentUser, companyId: string, platformId: string): Promise<void> {
  const companyScope = scopeFor(user, "company");
  const company = companyScope ? await tx.company.findFirst({ where: { AND: [companyScope, { id: companyId }] }, select: { platformId: true } }) : null;
  if (!company || company.platformId !== platformId) throw new ValidationError({ companyId: ["Entreprise introuvable sur cette plateforme."] });
}

const day = (d: string | undefined) => (d === undefined ? undefined : d === "" ? null : new Date(`${d}T00:00:00.000Z`));
const blank = (s: string | undefined) => (s === undefined ? undefined : s.trim() === "" ? null : s.trim());

function toData(input: Partial<ChefDeFileInput>) {
  const email = blank(input.proEmail);
  return {
    firstName: blank(input.firstName), lastName: blank(input.lastName), jobTitle: blank(input.jobTitle), proEmail: email ? email.toLowerCase() : email,
    proPhone: blank(input.proPhone), sector: blank(input.sector) ?? undefined, companyId: blank(input.companyId), commitments: blank(input.commitments),
    since: day(input.since), active: input.active,
  };
}

export async function createChefDeFile(db: Db, user: CurrentUser, input: ChefDeFileInput, now = new Date()): Promise<ChefDeFileDetail> {
  if (user.platformIds.length !== 1) throw new UnprocessableError("Votre compte couvre plusieurs plateformes : un chef de file est enregistré par le personnel de sa plateforme.");
  const platformId = user.platformIds[0]!;
  return db.$transaction(async (tx) => {
    const data = toData(input);
    if (data.companyId) await checkCompany(tx, user, data.companyId, platformId);
    // Entering the person is a contact: retention counts from here (DOMAIN §5).
    const created = await tx.chefDeFile.create({ data: { ...data, sector: data.sector!, platformId, lastContactAt: now }, select: { id: true } });
    await recordAudit(tx, {
      action: "chefDeFile.created", actorId: user.id, actorRole: user.role, entityType: "ChefDeFile", entityId: created.id, platformId,
      metadata: { changes: auditChanges(null, data, PERSONAL) },
    });
    return toDetail(await findInScope(tx, user, created.id));
  });
}

export async function updateChefDeFile(db: Db, user: CurrentUser, id: string, input: UpdateChefDeFileInput): Promise<ChefDeFileDetail> {
  return db.$transaction(async (tx) => {
    const before = await findInScope(tx, user, id);
    const data = toData(input);
    if (data.companyId) await checkCompany(tx, user, data.companyId, before.platformId);
    const { count } = await tx.chefDeFile.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      action: "chefDeFile.updated", actorId: user.id, actorRole: user.role, entityType: "ChefDeFile", entityId: id, platformId: before.platformId,
      metadata: { changes: auditChanges(before, data, PERSONAL) },
    });
    return toDetail(await findInScope(tx, user, id));
  });
}

export async function deleteChefDeFile(db: Db, user: CurrentUser, id: string, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await findInScope(tx, user, id);
    const { count } = await tx.chefDeFile.deleteMany({ where: { id, version } });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      action: "chefDeFile.deleted", actorId: user.id, actorRole: user.role, entityType: "ChefDeFile", entityId: id, platformId: before.platformId,
      metadata: { deleted: { sector: before.sector, events: before.events.length } },
    });
  });
}
