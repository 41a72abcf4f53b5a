import "server-only";
// Reads of companies and contacts, always through scopeFor(): out of scope reads as not found.
import { subMonths } from "date-fns";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { CompanyDto, CompanyListQuery, CompanySummary, ContactDto } from "@/lib/companies/company.schema";
import type { DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

const OPEN_OFFER = { status: { in: ["OPEN", "PARTIALLY_FILLED"] as ("OPEN" | "PARTIALLY_FILLED")[] } };

const ORDER: Record<CompanyListQuery["sort"], Prisma.CompanyOrderByWithRelationInput> = {
  name: { name: "asc" },
  "-name": { name: "desc" },
  lastContact: { lastContactAt: { sort: "asc", nulls: "first" } },
  "-lastContact": { lastContactAt: { sort: "desc", nulls: "last" } },
  city: { city: { sort: "asc", nulls: "last" } },
  "-city": { city: { sort: "desc", nulls: "last" } },
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
    filters.push(q.noContactMonths === 0 ? { lastContactAt: null } : { OR: [{ lastContactAt: null }, { lastContactAt: { lt: subMonths(now, q.noContactMonths) } }] });
  }
  if (q.hasOpenOffers) filters.push(q.hasOpenOffers === "true" ? { offers: { some: OPEN_OFFER } } : { offers: { none: OPEN_OFFER } });
  return { AND: filters };
}

export async function listCompanies(db: DbOrTx, user: CurrentUser, q: CompanyListQuery, now = new Date()) {
  const where = companyListWhere(user, q, now);
  const [total, rows] = await Promise.all([
    db.company.count({ where }),
    db.company.findMany({
      where,
      orderBy: [ORDER[q.sort], { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        siret: true,
        name: true,
        sector: true,
        city: true,
        viaNumeroVert: true,
        lastContactAt: true,
        platform: { select: { name: true } },
      },
    }),
  ]);
  // Open offers of this page's companies only: a relation _count in the list query would be a
  // LEFT JOIN on an aggregate over every open offer of the region (issue 8, plans at region scale).
  const open = rows.length
    ? await db.jobOffer.groupBy({ by: ["companyId"], where: { AND: [{ companyId: { in: rows.map((r) => r.id) } }, OPEN_OFFER] }, _count: { _all: true } })
    : [];
  const openBy = new Map(open.map((o) => [o.companyId, o._count._all]));
  const items: CompanySummary[] = rows.map((c) => ({
    id: c.id,
    platform: c.platform.name,
    siret: c.siret,
    name: c.name,
    sector: c.sector,
    city: c.city,
    numeroVert: c.viaNumeroVert,
    openOffers: openBy.get(c.id) ?? 0,
    lastContactAt: c.lastContactAt?.toISOString() ?? null,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
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
export async function listContacts(db: DbOrTx, user: CurrentUser, companyId: string): Promise<ContactDto[]> {
  await findCompanyRow(db, user, companyId);
  return db.companyContact.findMany({ where: { companyId, lifecycle: "ACTIVE" }, select: contactSelect, orderBy: [{ lastName: "asc" }, { id: "asc" }] });
}

export async function findContact(db: DbOrTx, user: CurrentUser, companyId: string, contactId: string): Promise<ContactDto> {
  await findCompanyRow(db, user, companyId);
  const c = /^[0-9a-f-]{36}$/i.test(contactId) ? await db.companyContact.findFirst({ where: { id: contactId, companyId, lifecycle: "ACTIVE" }, select: contactSelect }) : null;
  if (!c) throw new NotFoundError("Contact introuvable.");
  return c;
}
