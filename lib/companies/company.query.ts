import "server-only";
// Reads of companies and contacts, always through scopeFor(): out of scope reads as not found.
import { addMonthsUtc } from "@/lib/calendar-day";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor, type ScopeWhere } from "@/lib/authz/policy";
import { sqlScope } from "@/lib/authz/sql-scope";
import type { CompanyDto, CompanyListQuery, CompanySummary, ContactDto } from "@/lib/companies/company.schema";
import type { DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { cappedTotal, COUNT_CAP, keysetOrderArgs, keysetPage, tableEstimate, type KeysetOrder, type KeysetPage, type ListTotal } from "@/lib/pagination/keyset";
import { iso, keysetSql, pageJson } from "@/lib/pagination/keyset-sql";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

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

export function companyScope(user: CurrentUser): Prisma.CompanyWhereInput {
  const scope = scopeFor(user, "company");
  if (!scope) throw new ForbiddenError();
  return scope as Prisma.CompanyWhereInput;
}

/** What a company search looks for in `searchText` (name, commune, SIRET), wildcards taken literally: a SIRET typed with spaces is searched without them. */
function companySearchLiteral(q: string | undefined): string | null {
  const term = q ? normalizeSearch(q) : "";
  if (!term) return null;
  const digits = term.replace(/\s/g, "");
  return likeLiteral(/^\d{3,14}$/.test(digits) ? digits : term);
}

/** The picker's filter (lib/reference/company-picker.ts): the scope and the search term. */
export function companyListWhere(user: CurrentUser, q: Pick<CompanyListQuery, "q">): Prisma.CompanyWhereInput {
  const literal = companySearchLiteral(q.q);
  return { AND: [companyScope(user), ...(literal ? [{ searchText: { contains: literal } }] : [])] };
}

const openOffer = (alias: string) => Prisma.raw(`${alias}.status IN ('OPEN'::"OfferStatus", 'PARTIALLY_FILLED'::"OfferStatus")`);
const hasOpenOffer = Prisma.sql`EXISTS (SELECT 1 FROM "JobOffer" f WHERE f."companyId" = c.id AND ${openOffer("f")})`;

/** The list's conditions on `c` (scope from the policy module, then the filters). */
function companyListSql(scope: ScopeWhere, q: CompanyListQuery, now: Date): Prisma.Sql {
  const literal = companySearchLiteral(q.q);
  const filters: Prisma.Sql[] = [
    sqlScope(scope, "c"),
    ...(literal ? [Prisma.sql`c."searchText" LIKE ${`%${literal}%`}`] : []),
    ...(q.sector ? [Prisma.sql`c.sector = ${q.sector}`] : []),
    ...(q.headcountBand ? [Prisma.sql`c."headcountBand" = ${q.headcountBand}::"HeadcountBand"`] : []),
    ...(q.numeroVert ? [Prisma.sql`c."viaNumeroVert" = ${q.numeroVert === "true"}`] : []),
    ...(q.noContactMonths === undefined
      ? []
      : q.noContactMonths === 0
        ? [Prisma.sql`c."lastContactAt" IS NULL`]
        : [Prisma.sql`(c."lastContactAt" IS NULL OR c."lastContactAt" < ${addMonthsUtc(now, -q.noContactMonths).toISOString()}::timestamp(3))`]),
    ...(q.hasOpenOffers ? [q.hasOpenOffers === "true" ? hasOpenOffer : Prisma.sql`NOT ${hasOpenOffer}`] : []),
  ];
  return Prisma.join(filters, " AND ");
}

/** One row of a page: its sort value (an instant as ISO text) and the item's JSON (CompanySummary's keys, in its order). */
interface PageRow {
  id: string;
  k: string | null;
  j: string;
}

const LIST_COLUMNS = Prisma.sql`c.id, c."platformId", c.siret, c.name, c.sector, c.city, c."viaNumeroVert", c."lastContactAt"`;

/**
 * One page of companies whose rows are the response's items as JSON text written by PostgreSQL
 * (issue 18: Node spent most of the list's CPU in three Prisma queries — count, page, open offers
 * grouped by company — and in mapping their rows). The platform's name and the company's open offers
 * (its offers only, through the offers' company index) come with each row, from the same snapshot.
 * A search reads its matches once for the count and the page: the trigram scan (a bitmap of the
 * platform's companies ANDed with the term's) was run twice; only past COUNT_CAP matches, where the
 * page is not among the matches read, is the page read on its own.
 */
async function readCompanyPage(db: DbOrTx, user: CurrentUser, q: CompanyListQuery, now: Date) {
  const scope = scopeFor(user, "company");
  if (!scope) throw new ForbiddenError();
  const where = companyListSql(scope, q, now);
  const order = ORDER[q.sort];
  const page = keysetOrderArgs(order, q);
  const { seek, orderBy } = keysetSql(page, (field) => Prisma.raw(`c."${field}"`));
  const rowOrder = keysetSql(page, (field) => Prisma.raw(`r."${field}"`)).orderBy;
  const key = order.keys[0]!;
  const k = key.kind === "date" ? iso(Prisma.raw(`c."${key.field}"`)) : Prisma.raw(`c."${key.field}"`);
  /** The page's rows among `from c` where `cond`, with the order's columns (for the caller's ORDER BY) and the item's JSON. */
  const pageOf = (from: Prisma.Sql, cond: Prisma.Sql) => Prisma.sql`
    SELECT c.id, c.name, c.city, c."lastContactAt", ${k} AS k, row_to_json(d)::text AS j
    FROM (SELECT ${LIST_COLUMNS} FROM ${from} c WHERE ${cond} AND ${seek} ORDER BY ${orderBy} LIMIT ${page.take} OFFSET ${page.skip}) c
    JOIN "Platform" p ON p.id = c."platformId"
    CROSS JOIN LATERAL (
      SELECT c.id, p.name AS platform, c.siret, c.name, c.sector, c.city, c."viaNumeroVert" AS "numeroVert",
        (SELECT count(*)::int FROM "JobOffer" o WHERE o."companyId" = c.id AND ${openOffer("o")}) AS "openOffers",
        ${iso(Prisma.raw(`c."lastContactAt"`))} AS "lastContactAt"
    ) d`;
  const readPage = () => db.$queryRaw<PageRow[]>`SELECT r.id, r.k, r.j FROM (${pageOf(Prisma.raw(`"Company"`), where)}) r ORDER BY ${rowOrder}`;
  let total: ListTotal;
  let rows: PageRow[];
  if (q.q && companySearchLiteral(q.q)) {
    const read = await db.$queryRaw<(PageRow & { n: number })[]>`
      WITH m AS MATERIALIZED (SELECT ${LIST_COLUMNS} FROM "Company" c WHERE ${where} LIMIT ${COUNT_CAP + 1}),
        t AS (SELECT count(*)::int AS n FROM m)
      SELECT t.n, r.id, r.k, r.j FROM t LEFT JOIN LATERAL (${pageOf(Prisma.raw("m"), Prisma.sql`t.n <= ${COUNT_CAP}`)}) r ON TRUE
      ORDER BY ${rowOrder}`;
    const n = read[0]!.n;
    // A search is a filtered list: no table estimate, the capped count says « plus de 10 000 ».
    total = await cappedTotal(async () => n);
    rows = n <= COUNT_CAP ? read.filter((r) => r.id !== null) : await readPage();
  } else {
    // Only an unfiltered region-wide list may show the table's estimated size.
    const unfiltered = !q.q && !q.sector && !q.headcountBand && !q.numeroVert && q.noContactMonths === undefined && !q.hasOpenOffers;
    const wide = Object.keys(scope).length === 0;
    const count = async (take: number) =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Company" c WHERE ${where} LIMIT ${take}) t`)[0]!.n;
    [total, rows] = await Promise.all([cappedTotal(count, unfiltered && wide ? () => tableEstimate(db, "Company") : undefined, page), readPage()]);
  }
  return keysetPage(rows, page, q, (r) => (key.kind === "date" && r.k !== null ? new Date(r.k) : r.k), total);
}

/** A page of the companies list (the companies page, exports, tests). */
export async function listCompanies(db: DbOrTx, user: CurrentUser, q: CompanyListQuery, now = new Date()): Promise<KeysetPage<CompanySummary>> {
  const page = await readCompanyPage(db, user, q, now);
  return { ...page, items: page.items.map((r) => JSON.parse(r.j) as CompanySummary) };
}

/** The same page as the API's JSON text (`GET /api/v1/companies`), byte for byte what `JSON.stringify(await listCompanies(…))` writes. */
export async function listCompaniesJson(db: DbOrTx, user: CurrentUser, q: CompanyListQuery, now = new Date()): Promise<string> {
  return pageJson(await readCompanyPage(db, user, q, now), (r) => r.j);
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
