import "server-only";
// Reads of companies and contacts, always through scopeFor(): out of scope reads as not found.
import { addMonthsUtc } from "@/lib/calendar-day";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { CompanyDto, CompanyListQuery, CompanySummary, ContactDto } from "@/lib/companies/company.schema";
import type { DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cappedTotal, keysetOrderArgs, keysetPage, tableEstimate, type KeysetOrder } from "@/lib/pagination/keyset";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

const OPEN_OFFER = { status: { in: ["OPEN", "PARTIALLY_FILLED"] as ("OPEN" | "PARTIALLY_FILLED")[] } };

/** Keyset orders (issue 18), the id following in the first column's direction. Indexes
 *  `(platformId, name, id)` / `(name, id)`, `(platformId, lastContactAt, id)` / `(lastContactAt, id)`,
 *  `(platformId, city, id)` / `(city, id)` serve a platform and the whole Région. */
const ORDER: Record<CompanyListQuery["sort"], KeysetOrder> = {
  name: { keys: [{ field: "name", dir: "asc", kind: "string" }] },
  "-name": { keys: [{ field: "name", dir: "desc", kind: "string" }] },
  lastContact: { keys: [{ field: "lastContactAt", dir: "asc", kind: "date", nulls: "first" }] },
  "-lastContact": { keys: [{ field: "lastContactAt", dir: "desc", kind: "date", nulls: "last" }] },
  city: { keys: [{ field: "city", dir: "asc", kind: "string", nulls: "last" }] },
  "-city": { keys: [{ field: "city", dir: "desc", kind: "string", nulls: "last" }] },
};
const SORT_VALUE: Record<CompanyListQuery["sort"], (c: { name: string; lastContactAt: Date | null; city: string | null }) => string | Date | null> = {
  name: (c) => c.name, "-name": (c) => c.name, lastContact: (c) => c.lastContactAt, "-lastContact": (c) => c.lastContactAt, city: (c) => c.city, "-city": (c) => c.city,
};

export function companyScope(user: CurrentUser): Prisma.CompanyWhereInput {
  const scope = scopeFor(user, "company");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.CompanyWhereInput;
}

export function companyListWhere(user: CurrentUser, q: CompanyListQuery, now: Date): Prisma.CompanyWhereInput {
  const filters: Prisma.CompanyWhereInput[] = [companyScope(user)];
  const term = q.q ? normalizeSearch(q.q) : "";
  if (term) filters.push({ searchText: { contains: likeLiteral(term.replace(/\s/g, "").match(/^\d{3,14}$/) ? term.replace(/\s/g, "") : term) } });
  if (q.sector) filters.push({ sector: q.sector });
  if (q.headcountBand) filters.push({ headcountBand: q.headcountBand });
  if (q.numeroVert) filters.push({ viaNumeroVert: q.numeroVert === "true" });
  if (q.noContactMonths !== undefined) {
    filters.push(q.noContactMonths === 0 ? { lastContactAt: null } : { OR: [{ lastContactAt: null }, { lastContactAt: { lt: addMonthsUtc(now, -q.noContactMonths) } }] });
  }
  if (q.hasOpenOffers) filters.push(q.hasOpenOffers === "true" ? { offers: { some: OPEN_OFFER } } : { offers: { none: OPEN_OFFER } });
  return { AND: filters };
}

/**
 * The platform names of a page of rows, from the caller's principal (read with it, same request):
 * issue 18 — a `platform` relation in the list is one more statement joined in JavaScript for a name
 * the principal already holds. Only a platform the principal does not list (an inactive platform
 * for a region-wide account) is read, in one statement.
 */
export async function platformNames(db: DbOrTx, user: CurrentUser, rows: { platformId: string }[]): Promise<Map<string, string>> {
  const names = new Map(user.platforms.map((p) => [p.id, p.name]));
  const missing = [...new Set(rows.map((r) => r.platformId))].filter((id) => !names.has(id));
  if (missing.length > 0) {
    for (const p of await db.platform.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(p.id, p.name);
  }
  return names;
}

export async function listCompanies(db: DbOrTx, user: CurrentUser, q: CompanyListQuery, now = new Date()) {
  const where = companyListWhere(user, q, now);
  const page = keysetOrderArgs(ORDER[q.sort], q);
  // Only an unfiltered region-wide list may show the table's estimated size.
  const unfiltered = !q.q && !q.sector && !q.headcountBand && !q.numeroVert && q.noContactMonths === undefined && !q.hasOpenOffers;
  const wide = Object.keys(companyScope(user)).length === 0;
  const [total, found] = await Promise.all([
    cappedTotal((take) => db.company.count({ where, take }), unfiltered && wide ? () => tableEstimate(db, "Company") : undefined, page),
    db.company.findMany({
      where: { AND: [where, page.seek] },
      orderBy: page.orderBy as Prisma.CompanyOrderByWithRelationInput[],
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        siret: true,
        name: true,
        sector: true,
        city: true,
        viaNumeroVert: true,
        lastContactAt: true,
        platformId: true,
      },
    }),
  ]);
  const result = keysetPage(found, page, q, SORT_VALUE[q.sort], total);
  const rows = result.items;
  // Open offers of this page's companies only: a relation _count in the list query would be a
  // LEFT JOIN on an aggregate over every open offer of the region (issue 8, plans at region scale).
  const [open, platformName] = await Promise.all([
    rows.length
      ? db.jobOffer.groupBy({ by: ["companyId"], where: { AND: [{ companyId: { in: rows.map((r) => r.id) } }, OPEN_OFFER] }, _count: { _all: true } })
      : [],
    platformNames(db, user, rows),
  ]);
  const openBy = new Map(open.map((o) => [o.companyId, o._count._all]));
  const items: CompanySummary[] = rows.map((c) => ({
    id: c.id,
    platform: platformName.get(c.platformId) ?? "",
    siret: c.siret,
    name: c.name,
    sector: c.sector,
    city: c.city,
    numeroVert: c.viaNumeroVert,
    openOffers: openBy.get(c.id) ?? 0,
    lastContactAt: c.lastContactAt?.toISOString() ?? null,
  }));
  return { ...result, items };
}

export async function listCompanySectors(db: DbOrTx, user: CurrentUser): Promise<string[]> {
  const scope = scopeFor(user, "company");
  if (!scope) return [];
  const rows = await db.company.findMany({ where: { AND: [scope, { sector: { not: null } }] }, distinct: ["sector"], select: { sector: true }, orderBy: { sector: "asc" } });
  return rows.map((r) => r.sector).filter((s): s is string => s !== null);
}

const companySelect = {
  id: true,
  platformId: true,
  siret: true,
  siren: true,
  name: true,
  nafCode: true,
  sector: true,
  headcountBand: true,
  addressLine: true,
  postalCode: true,
  inseeCode: true,
  city: true,
  viaNumeroVert: true,
  numeroVertCallDate: true,
  lastContactAt: true,
  version: true,
  platform: { select: { name: true } },
} satisfies Prisma.CompanySelect;

export type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof companySelect }>;

export function toCompanyDto(c: CompanyRow): CompanyDto {
  return {
    id: c.id,
    platformId: c.platformId,
    platform: c.platform.name,
    siret: c.siret,
    siren: c.siren,
    name: c.name,
    nafCode: c.nafCode,
    sector: c.sector,
    headcountBand: c.headcountBand,
    address: c.addressLine,
    postalCode: c.postalCode,
    communeCode: c.inseeCode,
    city: c.city,
    numeroVert: c.viaNumeroVert,
    numeroVertCalledAt: c.numeroVertCallDate?.toISOString() ?? null,
    lastContactAt: c.lastContactAt?.toISOString() ?? null,
    version: c.version,
  };
}

export async function findCompanyRow(db: DbOrTx, user: CurrentUser, id: string): Promise<CompanyRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("Entreprise introuvable.");
  const row = await db.company.findFirst({ where: { AND: [{ id }, companyScope(user)] }, select: companySelect });
  if (!row) throw new NotFoundError("Entreprise introuvable.");
  return row;
}

export async function getCompany(db: DbOrTx, user: CurrentUser, id: string): Promise<CompanyDto> {
  return toCompanyDto(await findCompanyRow(db, user, id));
}

const contactSelect = { id: true, companyId: true, lastName: true, firstName: true, jobTitle: true, proAddress: true, proEmail: true, proPhone: true, version: true } as const;

/** Active contacts only: archived or destroyed contacts are out of every screen. */
// Issue 22 §7: reading company contacts (personal data: annex 1 art. 2, « Entreprises … contact »)
// is audited like job-seeker reads — annex 1 art. 3.10: « journalisation des événements ».
export async function listContacts(db: DbOrTx, user: CurrentUser, companyId: string): Promise<ContactDto[]> {
  const company = await findCompanyRow(db, user, companyId);
  const rows = await db.companyContact.findMany({ where: { companyId, lifecycle: "ACTIVE" }, select: contactSelect, orderBy: [{ lastName: "asc" }, { id: "asc" }] });
  if (rows.length > 0) {
    await recordAudit(db, {
      action: "companyContact.listed", actorId: user.id, actorRole: user.role, entityType: "Company", entityId: companyId, platformId: company.platformId,
      reason: "Contacts de l'entreprise", metadata: { contacts: rows.length },
    });
  }
  return rows;
}

export async function findContact(db: DbOrTx, user: CurrentUser, companyId: string, contactId: string): Promise<ContactDto> {
  const company = await findCompanyRow(db, user, companyId);
  const c = /^[0-9a-f-]{36}$/i.test(contactId) ? await db.companyContact.findFirst({ where: { id: contactId, companyId, lifecycle: "ACTIVE" }, select: contactSelect }) : null;
  if (!c) throw new NotFoundError("Contact introuvable.");
  await recordAudit(db, { action: "companyContact.read", actorId: user.id, actorRole: user.role, entityType: "CompanyContact", entityId: c.id, platformId: company.platformId, reason: "Fiche d'un contact d'entreprise" });
  return c;
}
