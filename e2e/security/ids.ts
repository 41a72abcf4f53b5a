// Real ids of the seeded demo data for the dynamic segments of the route inventory. A new dynamic
// route without a resolver here makes the matrix fail ("pas de résolveur"), so it cannot slip through.
import { randomUUID } from "node:crypto";
import type pg from "pg";

async function one(c: pg.Client, sql: string, params: unknown[] = []): Promise<string | null> {
  const r = await c.query<{ id: string }>(sql, params);
  return r.rows[0]?.id ?? null;
}

export interface Resolved {
  /** Values for each [param] of the pattern. */
  values: Record<string, string>;
  /** A real record was found (else a random uuid stands in: allowed callers must get 404). */
  exists: boolean;
  /** The record belongs to the given platform: other platforms' users must get 404. */
  platformScoped: boolean;
  /** The rows behind the ids (to prove a refused write changed nothing). */
  records: { table: string; id: string }[];
}

type Resolver = (c: pg.Client, platformId: string, parents: Record<string, string>) => Promise<string | null>;

const byPlatform = (table: string, extra = ""): Resolver => (c, p) => one(c, `SELECT id FROM "${table}" WHERE "platformId" = $1 ${extra} ORDER BY "createdAt" LIMIT 1`, [p]);

const activeJobSeeker: Resolver = (c, p) =>
  one(c, `SELECT j.id FROM "JobSeeker" j WHERE j."platformId" = $1 AND j."archivedAt" IS NULL
          ORDER BY EXISTS (SELECT 1 FROM "MobilityDiagnostic" d WHERE d."jobSeekerId" = j.id) DESC, j."createdAt" LIMIT 1`, [p]);

const signedFtFile = byPlatform("SubsidyFile", `AND funder = 'FRANCE_TRAVAIL' AND "signedAt" IS NOT NULL`);

/**
 * "<segment before the param>/[param]" → how to find a record of the platform. A route whose own
 * segment after the param needs a particular record adds "<before>/[param]/<after>", tried first.
 */
const RESOLVERS: Record<string, { find: Resolver; platformScoped: boolean; table?: string }> = {
  "utilisateurs/[id]": { find: (c, p) => one(c, `SELECT u.id FROM "User" u JOIN "PlatformMembership" m ON m."userId" = u.id WHERE m."platformId" = $1 AND u.role = 'PLATFORM_ASSISTANT' LIMIT 1`, [p]), platformScoped: true, table: "User" },
  "users/[id]": { find: (c, p) => one(c, `SELECT u.id FROM "User" u JOIN "PlatformMembership" m ON m."userId" = u.id WHERE m."platformId" = $1 AND u.role = 'PLATFORM_ASSISTANT' LIMIT 1`, [p]), platformScoped: true, table: "User" },
  "chefs-de-file/[id]": { find: byPlatform("ChefDeFile"), platformScoped: true, table: "ChefDeFile" },
  // A person with a mobility diagnostic when there is one, so that diagnostics/[diagnosticId] resolves too.
  "demandeurs/[id]": { find: activeJobSeeker, platformScoped: true, table: "JobSeeker" },
  "job-seekers/[id]": { find: activeJobSeeker, platformScoped: true, table: "JobSeeker" },
  "entreprises/[id]": { find: byPlatform("Company"), platformScoped: true, table: "Company" },
  "companies/[id]": { find: (c, p) => one(c, `SELECT "companyId" AS id FROM "CompanyContact" WHERE "platformId" = $1 ORDER BY "createdAt" LIMIT 1`, [p]), platformScoped: true, table: "Company" },
  "contacts/[contactId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "CompanyContact" WHERE "companyId" = $1 LIMIT 1`, [parents.id]), platformScoped: true, table: "CompanyContact" },
  "evenements/[id]": { find: byPlatform("CircuitCourtEvent"), platformScoped: true, table: "CircuitCourtEvent" },
  "events/[id]": { find: byPlatform("CircuitCourtEvent"), platformScoped: true, table: "CircuitCourtEvent" },
  "financement/[id]": { find: byPlatform("SubsidyFile"), platformScoped: true, table: "SubsidyFile" },
  "subsidy-files/[id]": { find: (c, p) => one(c, `SELECT f.id FROM "SubsidyFile" f WHERE f."platformId" = $1 ORDER BY (SELECT count(*) FROM "BudgetLine" b WHERE b."subsidyFileId" = f.id) DESC, f."createdAt" LIMIT 1`, [p]), platformScoped: true, table: "SubsidyFile" },
  "budget-lines/[lineId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "BudgetLine" WHERE "subsidyFileId" = $1 LIMIT 1`, [parents.id]), platformScoped: true, table: "BudgetLine" },
  // The France Travail bilans and the porteur's indicators exist only on a signed France Travail file.
  "subsidy-files/[id]/ft-bilan": { find: signedFtFile, platformScoped: true, table: "SubsidyFile" },
  "subsidy-files/[id]/ft-indicators": { find: signedFtFile, platformScoped: true, table: "SubsidyFile" },
  "ft-indicators/[indicatorId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "FtIndicator" WHERE "subsidyFileId" = $1 ORDER BY position LIMIT 1`, [parents.id]), platformScoped: true, table: "FtIndicator" },
  "receipts/[receiptId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "Receipt" WHERE "subsidyFileId" = $1 LIMIT 1`, [parents.id]), platformScoped: true, table: "Receipt" },
  "gouvernance/[id]": { find: byPlatform("GovernanceMeeting"), platformScoped: true, table: "GovernanceMeeting" },
  "governance-meetings/[id]": { find: byPlatform("GovernanceMeeting"), platformScoped: true, table: "GovernanceMeeting" },
  "offres/[id]": { find: byPlatform("JobOffer"), platformScoped: true, table: "JobOffer" },
  "offers/[id]": { find: byPlatform("JobOffer"), platformScoped: true, table: "JobOffer" },
  "plateformes/[id]": { find: async (_c, p) => p, platformScoped: true, table: "Platform" },
  "platforms/[id]": { find: async (_c, p) => p, platformScoped: true, table: "Platform" },
  "rappels/[id]": { find: byPlatform("NumeroVertCallback"), platformScoped: true, table: "NumeroVertCallback" },
  "demandes-en-ligne/[id]": { find: byPlatform("IntakeRequest"), platformScoped: true, table: "IntakeRequest" },
  "callbacks/[id]": { find: byPlatform("NumeroVertCallback"), platformScoped: true, table: "NumeroVertCallback" },
  "visites/[id]": { find: byPlatform("Visit"), platformScoped: true, table: "Visit" },
  "visits/[id]": { find: byPlatform("Visit"), platformScoped: true, table: "Visit" },
  "imports/[id]": { find: byPlatform("ImportBatch"), platformScoped: true, table: "ImportBatch" },
  "proposals/[id]": { find: byPlatform("Proposal"), platformScoped: true, table: "Proposal" },
  "monthly/[platformId]": { find: async (_c, p) => p, platformScoped: true, table: "Platform" },
  "[platformId]/[month]": { find: async () => "2000-01", platformScoped: false },
  // Not platform records: a purge run is region-wide; a token belongs to one user only.
  "conservation/[id]": { find: (c) => one(c, `SELECT id FROM "PurgeRun" ORDER BY "startedAt" LIMIT 1`), platformScoped: false },
  "purge-runs/[id]": { find: (c) => one(c, `SELECT id FROM "PurgeRun" ORDER BY "startedAt" LIMIT 1`), platformScoped: false },
  "tokens/[id]": { find: async () => null, platformScoped: false },
  // Session 2 routes (France Travail files, objectives and annual report, exports, finance, GDPR).
  "france-travail/[subsidyFileId]": { find: byPlatform("SubsidyFile", `AND funder = 'FRANCE_TRAVAIL'`), platformScoped: true, table: "SubsidyFile" },
  "annual/[platformId]": { find: async (_c, p) => p, platformScoped: true, table: "Platform" },
  "[platformId]/[year]": { find: async () => String(new Date().getFullYear()), platformScoped: false },
  "lists/[list]": { find: async () => "companies", platformScoped: false },
  // A background export belongs to its author only (like a token): none in the demo data.
  "table-exports/[id]": { find: async () => null, platformScoped: false },
  "tranches/[trancheId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "Tranche" WHERE "subsidyFileId" = $1 ORDER BY rank LIMIT 1`, [parents.id]), platformScoped: true, table: "Tranche" },
  "reversements/[orderId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "RefundOrder" WHERE "subsidyFileId" = $1 LIMIT 1`, [parents.id]), platformScoped: true, table: "RefundOrder" },
  "mobility-diagnostics/[id]": { find: byPlatform("MobilityDiagnostic"), platformScoped: true, table: "MobilityDiagnostic" },
  "diagnostics/[diagnosticId]": { find: (c, _p, parents) => one(c, `SELECT id FROM "MobilityDiagnostic" WHERE "jobSeekerId" = $1 LIMIT 1`, [parents.id]), platformScoped: true, table: "MobilityDiagnostic" },
  "archives/[id]": { find: byPlatform("JobSeeker", `AND lifecycle = 'ARCHIVED'`), platformScoped: true, table: "JobSeeker" },
  // Rights requests and breaches are the DPO's registers (region-wide).
  // A Lens-Liévin record: the platform's staff records and follows them (processor), the DPO acts on all.
  "demandes/[id]": { find: (c) => one(c, `SELECT r.id FROM "RightsRequest" r JOIN "Platform" p ON p.id = r."platformId" WHERE p.name = 'Lens-Liévin' ORDER BY r."createdAt" LIMIT 1`), platformScoped: false, table: "RightsRequest" },
  "rights-requests/[id]": { find: (c) => one(c, `SELECT r.id FROM "RightsRequest" r JOIN "Platform" p ON p.id = r."platformId" WHERE p.name = 'Lens-Liévin' AND r."jobSeekerId" IS NOT NULL ORDER BY r."createdAt" LIMIT 1`), platformScoped: false, table: "RightsRequest" },
  "violations/[id]": { find: (c) => one(c, `SELECT b.id FROM "BreachRecord" b JOIN "Platform" p ON p.id = b."platformId" WHERE p.name = 'Lens-Liévin' ORDER BY b."createdAt" LIMIT 1`), platformScoped: false, table: "BreachRecord" },
  "breaches/[id]": { find: (c) => one(c, `SELECT b.id FROM "BreachRecord" b JOIN "Platform" p ON p.id = b."platformId" WHERE p.name = 'Lens-Liévin' ORDER BY b."createdAt" LIMIT 1`), platformScoped: false, table: "BreachRecord" },
};

/** Fills every [param] of `pattern` with a record of `platformId`; throws for an unknown segment. */
export async function resolveIds(c: pg.Client, pattern: string, platformId: string): Promise<Resolved & { url: string }> {
  const parts = pattern.split("/");
  const values: Record<string, string> = {};
  let exists = true;
  let platformScoped = false;
  const records: { table: string; id: string }[] = [];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i] ?? "";
    const m = /^\[(\w+)\]$/.exec(seg);
    const param = m?.[1];
    if (!param) {
      out.push(seg);
      continue;
    }
    const key = `${parts[i - 1]}/${seg}`;
    // The route's own segment after the param first (subsidy-files/[id]/ft-bilan), then the param alone.
    const r = (parts[i + 1] !== undefined ? RESOLVERS[`${key}/${parts[i + 1]}`] : undefined) ?? RESOLVERS[key];
    if (!r) throw new Error(`pas de résolveur d'identifiant pour « ${key} » (${pattern}) : l'ajouter dans e2e/security/ids.ts`);
    const found = await r.find(c, platformId, values);
    if (!found) exists = false;
    else if (r.table) records.push({ table: r.table, id: found });
    platformScoped ||= r.platformScoped;
    const value = found ?? randomUUID();
    values[param] = value;
    out.push(value);
  }
  return { url: out.join("/"), values, exists, platformScoped, records };
}

/** The rows as JSON text: equal before and after a refused write. */
export async function fingerprint(c: pg.Client, records: { table: string; id: string }[]): Promise<string[]> {
  const out: string[] = [];
  for (const r of records) {
    const row = await c.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${r.table}" t WHERE id = $1`, [r.id]);
    out.push(row.rows[0]?.j ?? "(absent)");
  }
  return out;
}
