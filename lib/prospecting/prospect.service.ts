import "server-only";
// « Prospection »: the establishments of a platform's perimeter (SIRENE register) that it does not follow
// yet, or has not contacted for `recontactMonths`, ranked by the score of lib/prospecting/score.rules.ts.
// Scores are computed for a whole platform at once (ProspectScore) and recomputed when the register, the
// rule set or the day changes; the list re-applies « followed » and « set aside » at read time, so a planned
// visit or a dismissal takes effect at once.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import { addMonthsUtc } from "@/lib/calendar-day";
import { createCompany, DuplicateSiretError } from "@/lib/companies/company.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { prospectingReference } from "@/lib/prospecting/reference-data";
import type { ProspectListQuery } from "@/lib/prospecting/prospect.schema";
import { distanceKm, scoreProspect, weightedMedian, wholeYears } from "@/lib/prospecting/score.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import type { ProspectingRules } from "@/lib/rules/rule-set.schema";
import { nafOptionLabel, communeOptionLabel } from "@/lib/reference/reference.query";
import { normalizeSearch } from "@/lib/search/normalize";
import { companyBandOf, headcountLabel } from "@/lib/sirene/sirene-file.rules";
import { parisToday } from "@/lib/paris-day";

function assertCan(user: CurrentUser, action: Action) {
  if (!can(user, action)) throw new ForbiddenError();
}

// The Paris day « AAAA-MM-JJ » of an instant (a computation, now); a calendar day (midnight UTC) stays itself.
const isoDay = (d: Date) => parisToday(d);

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

/** Scores are stale when missing, older than today, older than the last import, or from another rule-set version. */
async function scoresState(db: DbOrTx, platformId: string, now: Date) {
  const [last, lastImport, { version }] = await Promise.all([
    db.prospectScore.findFirst({ where: { platformId }, select: { computedAt: true, ruleSetVersion: true } }),
    db.sireneImport.findFirst({ where: { status: "DONE" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
    rulesAt(db, now),
  ]);
  const stale = !last || last.ruleSetVersion !== version || isoDay(last.computedAt) !== isoDay(now) || last.computedAt < (lastImport?.finishedAt ?? now);
  return { loaded: lastImport !== null, stale, computedAt: last?.computedAt ?? null };
}

/**
 * Computes and stores the scores of every establishment of the platform's perimeter. One refresh per
 * platform at a time (an advisory lock, across instances): two people opening « Prospection » at the same
 * moment of a new day would otherwise both delete and re-insert the same rows, and one would fail. With
 * `ifStale`, a refresh that waited for another one finds the scores fresh and does nothing.
 */
export async function refreshProspectScores(db: Db, platformId: string, now = new Date(), opts: { ifStale?: boolean } = {}): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`prospect-scores-${platformId}`}))`;
      if (opts.ifStale && !(await scoresState(tx, platformId, now)).stale) return 0;
      return computeScores(tx, platformId, now);
    },
    { timeout: 120_000 },
  );
}

async function computeScores(db: DbOrTx, platformId: string, now: Date): Promise<number> {
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

  await db.prospectScore.deleteMany({ where: { platformId } });
  for (let i = 0; i < rows.length; i += 5000) {
    await db.prospectScore.createMany({
      data: rows.slice(i, i + 5000).map((r) => ({ platformId, siret: r.siret, score: r.score, matchingSeekers: r.matching, distanceKm: r.distance, reasons: r.reasons, ruleSetVersion: version, computedAt: now })),
    });
  }
  return rows.length;
}

/** Nightly: each active platform's list computed before the first person of the day opens it. */
export async function refreshAllProspectScores(db: Db, now = new Date()): Promise<Record<string, number>> {
  if (!(await db.sireneImport.findFirst({ where: { status: "DONE" }, select: { id: true } }))) return { platforms: 0, establishments: 0 };
  const platforms = await db.platform.findMany({ where: { active: true, NOT: { perimeterInseeCodes: { isEmpty: true } } }, select: { id: true } });
  let establishments = 0;
  for (const p of platforms) establishments += await refreshProspectScores(db, p.id, now, { ifStale: true });
  return { platforms: platforms.length, establishments };
}

async function ensureFreshScores(db: Db, platformId: string, now: Date): Promise<Date | null> {
  const state = await scoresState(db, platformId, now);
  if (!state.loaded) return null;
  if (!state.stale) return state.computedAt;
  await refreshProspectScores(db, platformId, now, { ifStale: true });
  return now;
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
  const since = addMonthsUtc(now, -rules.recontactMonths);
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

/** The list for a query of the screen (its URL parameters): the requested platform if the user's, else their first. */
export async function listProspectsFor(db: Db, user: CurrentUser, q: ProspectListQuery, now = new Date()) {
  const platforms = await prospectingPlatforms(db, user);
  const platform = platforms.find((p) => p.id === q.plateforme) ?? platforms[0];
  if (!platform) throw new NotFoundError("Vous n'intervenez sur aucune plateforme.");
  return listProspects(db, user, platform.id, { commune: q.commune, epci: q.epci, sector: q.secteur, minHeadcount: q.effectif, maxDistanceKm: q.distance, page: q.page, pageSize: q.pageSize }, now);
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
  const followed = () => db.company.findFirst({ where: { platformId: platform.id, siret }, select: { id: true } });
  const existing = await followed();
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
  }).catch(async (err: unknown) => {
    // A double click, or a colleague at the same moment: the company now exists, the visit goes to it.
    const won = (err instanceof DuplicateSiretError || (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) && (await followed());
    if (won) return won;
    throw err;
  });
  return company.id;
}

/** The register's view of one SIRET (company form autofill, company page flag). */
export async function registerEstablishment(db: DbOrTx, siret: string) {
  const e = await db.sireneEstablishment.findUnique({ where: { siret } });
  if (!e) return null;
  return { ...e, nafLabel: e.nafCode ? (prospectingReference().nafLabels.get(e.nafCode) ?? null) : null, companyBand: companyBandOf(e.headcountCode) };
}

export interface RegisterMatch {
  siret: string;
  name: string;
  legalName: string | null;
  active: boolean;
  nafCode: string | null;
  /** « 56.10A — Restauration traditionnelle ». */
  nafLabel: string | null;
  companyBand: ReturnType<typeof companyBandOf>;
  headcountLabel: string;
  addressLine: string | null;
  inseeCode: string;
  /** « Liévin (62800) ». */
  communeLabel: string;
  /** The company record when one of the caller's platforms already follows this establishment. */
  followedCompanyId: string | null;
}

/**
 * The register's establishments for the company form: by SIRET or SIREN (digits, a prefix) or by words of
 * the name (sign, usual or legal name; accents and case ignored), within the caller's platforms'
 * perimeters (the register holds nothing else). Each says whether the platform already follows it.
 */
export async function searchRegister(db: DbOrTx, user: CurrentUser, q: string): Promise<RegisterMatch[]> {
  assertCan(user, "company.read");
  const text = q.trim();
  const digits = text.replace(/\s/g, "");
  const byNumber = /^\d{3,14}$/.test(digits);
  const words = normalizeSearch(text).replace(/[-'’]/g, " ").split(" ").filter((w) => w.length > 0).slice(0, 6);
  if (!byNumber && (words.length === 0 || words.join("").length < 2)) return [];
  const everywhere = user.allPlatforms || user.role === "ADMIN";
  const platforms = await prospectingPlatforms(db, user);
  const perimeter = platforms.flatMap((p) => p.perimeterInseeCodes);
  const conds: Prisma.Sql[] = everywhere ? [] : [Prisma.sql`e."inseeCode" = ANY(${perimeter})`];
  if (byNumber) conds.push(Prisma.sql`e.siret LIKE ${digits + "%"}`);
  else for (const w of words) conds.push(Prisma.sql`lower(f_unaccent(e.name || ' ' || coalesce(e."legalName", ''))) LIKE ${"%" + w.replace(/[%_\\]/g, "") + "%"}`);
  const rows = await db.$queryRaw<(Omit<RegisterMatch, "nafLabel" | "companyBand" | "headcountLabel" | "communeLabel"> & { headcountCode: string | null; communeName: string | null; postalCode: string | null })[]>`
    SELECT e.siret, e.name, e."legalName", e.active, e."nafCode", e."headcountCode", e."addressLine", e."inseeCode", e."postalCode",
           cm.name AS "communeName", c.id AS "followedCompanyId"
    FROM "SireneEstablishment" e
    LEFT JOIN "Commune" cm ON cm."inseeCode" = e."inseeCode"
    LEFT JOIN LATERAL (SELECT id FROM "Company" WHERE siret = e.siret AND "platformId" = ANY(${[...user.platformIds]}::uuid[]) LIMIT 1) c ON true
    WHERE ${conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`true`}
    ORDER BY e.active DESC, e.name, e.siret
    LIMIT 20`;
  const ref = prospectingReference();
  return rows.map(({ headcountCode, communeName, postalCode, ...r }) => ({
    ...r,
    nafLabel: r.nafCode ? nafOptionLabel(r.nafCode, ref.nafLabels.get(r.nafCode) ?? "activité inconnue de la nomenclature") : null,
    companyBand: companyBandOf(headcountCode),
    headcountLabel: headcountLabel(headcountCode),
    communeLabel: communeName ? communeOptionLabel(communeName, postalCode) : r.inseeCode,
  }));
}

/** The last finished SIRENE import (« répertoire chargé le … »). */
export async function lastSireneImport(db: DbOrTx) {
  return db.sireneImport.findFirst({ where: { status: "DONE" }, orderBy: { finishedAt: "desc" }, select: { fileName: true, finishedAt: true } });
}
