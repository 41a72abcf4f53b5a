import "server-only";
// « Prospection »: the establishments of a platform's perimeter (SIRENE register) that it does not follow
// yet, or has not contacted for `recontactMonths`, ranked by the score of lib/prospecting/score.rules.ts.
// Scores are computed for a whole platform at once (ProspectScore) and recomputed when the register, the
// rule set or the day changes; the list re-applies « followed » and « set aside » at read time, so a planned
// visit or a dismissal takes effect at once.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import { createCompany } from "@/lib/companies/company.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { prospectingReference } from "@/lib/prospecting/reference-data";
import { distanceKm, scoreProspect, weightedMedian, wholeYears } from "@/lib/prospecting/score.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import type { ProspectingRules } from "@/lib/rules/rule-set.schema";
import { companyBandOf } from "@/lib/sirene/sirene-file.rules";

function assertCan(user: CurrentUser, action: Action) {
  if (!can(user, action)) throw new ForbiddenError();
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The platform a user works on for prospecting: the requested one if theirs, else their only one. */
export async function prospectingPlatforms(db: DbOrTx, user: CurrentUser) {
  assertCan(user, "company.read");
  const where = user.allPlatforms || user.role === "ADMIN" ? { active: true } : { active: true, id: { in: [...user.platformIds] } };
  return db.platform.findMany({ where, select: { id: true, name: true, perimeterInseeCodes: true }, orderBy: { name: "asc" } });
}

async function platformOf(db: DbOrTx, user: CurrentUser, platformId: string) {
  const p = (await prospectingPlatforms(db, user)).find((x) => x.id === platformId);
  if (!p) throw new NotFoundError("Plateforme introuvable.");
  return p;
}

async function rulesAt(db: DbOrTx, at: Date): Promise<{ rules: ProspectingRules; version: number }> {
  const rs = await getActiveRuleSet(db, "OPERATIONS", at);
  return { rules: rs.payload.prospecting, version: rs.version };
}

/** Computes and stores the scores of every establishment of the platform's perimeter. */
export async function refreshProspectScores(db: Db, platformId: string, now = new Date()): Promise<number> {
  const platform = await db.platform.findUniqueOrThrow({ where: { id: platformId }, select: { perimeterInseeCodes: true } });
  const { rules, version } = await rulesAt(db, now);
  const ref = prospectingReference();

  // The platform's active job seekers: trades sought and communes.
  const seekers = await db.jobSeeker.findMany({ where: { platformId, lifecycle: "ACTIVE" }, select: { desiredRomeCodes: true, inseeCode: true } });
  const seekersByRome = new Map<string, Set<number>>();
  const seekersByCommune = new Map<string, number>();
  seekers.forEach((s, i) => {
    for (const r of s.desiredRomeCodes) {
      const set = seekersByRome.get(r) ?? new Set<number>();
      set.add(i);
      seekersByRome.set(r, set);
    }
    if (s.inseeCode) seekersByCommune.set(s.inseeCode, (seekersByCommune.get(s.inseeCode) ?? 0) + 1);
  });

  const sectorCache = new Map<string, { matching: number; tension: number | null }>();
  const sector = (naf: string | null) => {
    if (!naf) return { matching: 0, tension: null };
    let hit = sectorCache.get(naf);
    if (!hit) {
      const hires = (ref.hiringsByNaf.get(naf) ?? []).filter((h) => h.hirings >= rules.minHirings);
      const matching = new Set<number>();
      for (const h of hires) for (const i of seekersByRome.get(h.rome) ?? []) matching.add(i);
      const total = hires.reduce((n, h) => n + h.hirings, 0);
      const tense = hires.filter((h) => (ref.tensionByRome.get(h.rome) ?? 0) >= rules.tensionThresholdPct).reduce((n, h) => n + h.hirings, 0);
      hit = { matching: matching.size, tension: total > 0 ? tense / total : null };
      sectorCache.set(naf, hit);
    }
    return hit;
  };
  const distanceCache = new Map<string, number | null>();
  const distance = (commune: string) => {
    if (!distanceCache.has(commune)) {
      const from = ref.centres.get(commune);
      const values = from
        ? [...seekersByCommune].flatMap(([c, weight]) => {
            const to = ref.centres.get(c);
            return to ? [{ value: distanceKm(from, to), weight }] : [];
          })
        : [];
      distanceCache.set(commune, weightedMedian(values));
    }
    return distanceCache.get(commune)!;
  };

  const establishments = await db.sireneEstablishment.findMany({
    where: { inseeCode: { in: platform.perimeterInseeCodes }, active: true },
    select: { siret: true, nafCode: true, headcountCode: true, createdOn: true, inseeCode: true },
  });
  const today = isoDay(now);
  const rows = establishments.map((e) => {
    const s = sector(e.nafCode);
    const d = distance(e.inseeCode);
    const scored = scoreProspect(
      { matchingSeekers: s.matching, headcountCode: e.headcountCode, ageYears: e.createdOn ? wholeYears(isoDay(e.createdOn), today) : null, tensionShare: s.tension, distanceKm: d },
      rules,
    );
    return { siret: e.siret, score: scored.score, matching: s.matching, distance: d, reasons: scored.reasons };
  });

  await db.$transaction(
    async (tx) => {
      await tx.prospectScore.deleteMany({ where: { platformId } });
      for (let i = 0; i < rows.length; i += 5000) {
        await tx.prospectScore.createMany({
          data: rows.slice(i, i + 5000).map((r) => ({ platformId, siret: r.siret, score: r.score, matchingSeekers: r.matching, distanceKm: r.distance, reasons: r.reasons, ruleSetVersion: version, computedAt: now })),
        });
      }
    },
    { timeout: 120_000 },
  );
  return rows.length;
}

/** Scores are stale when missing, older than today, older than the last import, or from another rule-set version. */
async function ensureFreshScores(db: Db, platformId: string, now: Date): Promise<Date | null> {
  const [last, lastImport, { version }] = await Promise.all([
    db.prospectScore.findFirst({ where: { platformId }, select: { computedAt: true, ruleSetVersion: true } }),
    db.sireneImport.findFirst({ where: { status: "DONE" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
    rulesAt(db, now),
  ]);
  if (!lastImport) return null;
  const stale = !last || last.ruleSetVersion !== version || isoDay(last.computedAt) !== isoDay(now) || last.computedAt < (lastImport.finishedAt ?? now);
  if (stale) await refreshProspectScores(db, platformId, now);
  return stale ? now : last!.computedAt;
}

export interface ProspectFilters {
  commune?: string;
  epci?: string;
  /** NAF prefix: « 56 » (division), « 56.1 », or a full code. */
  sector?: string;
  /** Minimum INSEE headcount band code (« 11 » = 10 salariés et plus). */
  minHeadcount?: string;
  maxDistanceKm?: number;
  page: number;
  pageSize: number;
}

export interface ProspectRow {
  siret: string;
  name: string;
  legalName: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  headcountCode: string | null;
  createdOn: Date | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string;
  score: number;
  matchingSeekers: number;
  distanceKm: number | null;
  reasons: string[];
  /** The company record when the platform follows it but has not contacted it for recontactMonths. */
  companyId: string | null;
  lastContactAt: Date | null;
}

export async function listProspects(db: Db, user: CurrentUser, platformId: string, f: ProspectFilters, now = new Date()) {
  const platform = await platformOf(db, user, platformId);
  const computedAt = await ensureFreshScores(db, platform.id, now);
  const { rules } = await rulesAt(db, now);
  const since = new Date(now);
  since.setMonth(since.getMonth() - rules.recontactMonths);
  const conds: Prisma.Sql[] = [
    Prisma.sql`ps."platformId" = ${platform.id}::uuid`,
    Prisma.sql`e.active`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "ProspectDismissal" d WHERE d."platformId" = ps."platformId" AND d.siret = ps.siret)`,
    Prisma.sql`(c.id IS NULL OR COALESCE(c."lastContactAt", c."createdAt") < ${since})`,
  ];
  if (f.commune) conds.push(Prisma.sql`e."inseeCode" = ${f.commune}`);
  if (f.epci) conds.push(Prisma.sql`e."inseeCode" IN (SELECT "inseeCode" FROM "Commune" WHERE "epciCode" = ${f.epci})`);
  if (f.sector) conds.push(Prisma.sql`e."nafCode" LIKE ${f.sector.replace(/[.\s]/g, "").toUpperCase().replace(/[%_\\]/g, "") + "%"}`);
  if (f.minHeadcount) conds.push(Prisma.sql`e."headcountCode" <> 'NN' AND e."headcountCode" >= ${f.minHeadcount}`);
  if (f.maxDistanceKm !== undefined) conds.push(Prisma.sql`ps."distanceKm" <= ${f.maxDistanceKm}`);
  const where = Prisma.join(conds, " AND ");
  const from = Prisma.sql`"ProspectScore" ps JOIN "SireneEstablishment" e ON e.siret = ps.siret
    LEFT JOIN "Company" c ON c."platformId" = ps."platformId" AND c.siret = ps.siret`;
  const [count] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM ${from} WHERE ${where}`;
  const items = await db.$queryRaw<Omit<ProspectRow, "nafLabel">[]>`
    SELECT e.siret, e.name, e."legalName", e."nafCode", e."headcountCode", e."createdOn", e."addressLine", e."postalCode", e.city,
           e."inseeCode", ps.score, ps."matchingSeekers", ps."distanceKm", ps.reasons, c.id AS "companyId", c."lastContactAt"
    FROM ${from} WHERE ${where}
    ORDER BY ps.score DESC, ps.siret
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`;
  const ref = prospectingReference();
  return {
    platform: { id: platform.id, name: platform.name },
    computedAt,
    total: Number(count?.total ?? 0),
    items: items.map((r) => ({ ...r, nafLabel: r.nafCode ? (ref.nafLabels.get(r.nafCode) ?? null) : null })),
  };
}

/** « Écarter » : the establishment leaves the platform's list for good, with the reason (kept). */
export async function dismissProspect(db: Db, user: CurrentUser, platformId: string, siret: string, reason: string) {
  assertCan(user, "company.write");
  const platform = await platformOf(db, user, platformId);
  if (!user.platformIds.includes(platform.id)) throw new NotFoundError("Plateforme introuvable.");
  const text = reason.trim();
  if (text.length < 3) throw new ValidationError({ reason: ["Indiquez pourquoi cet établissement est écarté (3 caractères au moins)."] });
  if (text.length > 500) throw new ValidationError({ reason: ["500 caractères au plus."] });
  const e = await db.sireneEstablishment.findUnique({ where: { siret }, select: { siret: true, inseeCode: true } });
  if (!e || !platform.perimeterInseeCodes.includes(e.inseeCode)) throw new NotFoundError("Établissement introuvable dans le périmètre de la plateforme.");
  await db.$transaction(async (tx) => {
    await tx.prospectDismissal.upsert({
      where: { platformId_siret: { platformId: platform.id, siret } },
      create: { platformId: platform.id, siret, reason: text, createdById: user.id },
      update: { reason: text, createdById: user.id },
    });
    await recordAudit(tx, { action: "prospect.dismissed", actorId: user.id, actorRole: user.role, entityType: "SireneEstablishment", entityId: siret, platformId: platform.id, metadata: { siret } });
  });
}

/**
 * « Planifier une visite » : the company created from the register (name, NAF, headcount band, address,
 * commune), or the one the platform already follows; returns its id for the visit form.
 */
export async function companyFromRegister(db: Db, user: CurrentUser, platformId: string, siret: string): Promise<string> {
  assertCan(user, "company.write");
  const platform = await platformOf(db, user, platformId);
  const existing = await db.company.findFirst({ where: { platformId: platform.id, siret }, select: { id: true } });
  if (existing) return existing.id;
  const e = await db.sireneEstablishment.findUnique({ where: { siret } });
  if (!e || !platform.perimeterInseeCodes.includes(e.inseeCode)) throw new NotFoundError("Établissement introuvable dans le périmètre de la plateforme.");
  const company = await createCompany(db, user, {
    siret: e.siret,
    name: e.name.slice(0, 200),
    nafCode: e.nafCode ?? undefined,
    sector: undefined,
    headcountBand: companyBandOf(e.headcountCode) ?? undefined,
    address: e.addressLine ?? undefined,
    communeCode: (await db.commune.findUnique({ where: { inseeCode: e.inseeCode }, select: { inseeCode: true } }))?.inseeCode,
    numeroVert: false,
    platformId: platform.id,
  });
  return company.id;
}

/** The register's view of one SIRET (company form autofill, company page flag). */
export async function registerEstablishment(db: DbOrTx, siret: string) {
  const e = await db.sireneEstablishment.findUnique({ where: { siret } });
  if (!e) return null;
  return { ...e, nafLabel: e.nafCode ? (prospectingReference().nafLabels.get(e.nafCode) ?? null) : null, companyBand: companyBandOf(e.headcountCode) };
}

/** The last finished SIRENE import (« répertoire chargé le … »). */
export async function lastSireneImport(db: DbOrTx) {
  return db.sireneImport.findFirst({ where: { status: "DONE" }, orderBy: { finishedAt: "desc" }, select: { fileName: true, finishedAt: true } });
}
