// Which statements the app's client runs again while PostgreSQL restarts (lib/db-client.ts, issue 16):
// reads only — never a write, a locking read or a function call hidden behind something else. The
// « Prisma » statements below are copied from what Prisma 7 sends for model reads (captured once from
// the driver adapter: findMany with a relation filter and include, count, aggregate, groupBy, _count).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPlainSelect, OWN_READ_ONLY_FUNCTIONS } from "@/lib/db-client";
import { containsPattern } from "@/lib/search/like";
import { SEARCH_TYPES } from "@/lib/search/search.schema";
import { searchIdsSql } from "@/lib/search/search.service";

/** The functions our migrations create, with the volatility each declares (VOLATILE when none is said, as in PostgreSQL). */
function migrationFunctions(): Map<string, { volatility: string; trigger: boolean }> {
  const dir = path.resolve(import.meta.dirname, "../../../prisma/migrations");
  const found = new Map<string, { volatility: string; trigger: boolean }>();
  for (const m of readdirSync(dir).sort()) {
    let sql: string;
    try {
      sql = readFileSync(path.join(dir, m, "migration.sql"), "utf8");
    } catch {
      continue;
    }
    // Bodies ($$…$$, $tag$…$tag$) set aside: their words are not the function's attributes.
    const bare = sql.replace(/\$(\w*)\$[\s\S]*?\$\1\$/g, "BODY");
    for (const def of bare.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(?:public\.)?"?(\w+)"?\s*\(([\s\S]*?);/gi)) {
      const text = def[2]!;
      found.set(def[1]!.toLowerCase(), { volatility: /\b(IMMUTABLE|STABLE|VOLATILE)\b/i.exec(text)?.[1]?.toUpperCase() ?? "VOLATILE", trigger: /RETURNS\s+trigger/i.test(text) });
    }
  }
  return found;
}

describe("lectures reprises pendant un redémarrage", () => {
  it("reprend une lecture, même précédée de commentaires", () => {
    expect(isPlainSelect(`SELECT "id" FROM "public"."Company" WHERE "id" = $1`)).toBe(true);
    expect(isPlainSelect(`  -- liste\n/* page */ select count(*) from "Visit"`)).toBe(true);
  });

  it("ne reprend ni une écriture, ni une lecture qui verrouille, ni une requête en WITH", () => {
    expect(isPlainSelect(`INSERT INTO "Visit" ("id") VALUES ($1) RETURNING "id"`)).toBe(false);
    expect(isPlainSelect(`UPDATE "Company" SET "name" = $1`)).toBe(false);
    expect(isPlainSelect(`SELECT "id" FROM "Tranche" WHERE "id" = $1 FOR UPDATE`)).toBe(false);
    expect(isPlainSelect(`SELECT 1 FROM "JobRun" FOR NO KEY UPDATE SKIP LOCKED`)).toBe(false);
    expect(isPlainSelect(`WITH moved AS (DELETE FROM "X" RETURNING *) SELECT * FROM moved`)).toBe(false);
  });

  it("reprend les lectures de modèle telles que Prisma les écrit (agrégats, COALESCE, EXISTS, CAST compris)", () => {
    const prisma = [
      `SELECT "public"."Company"."id", "public"."Company"."headcountBand"::text FROM "public"."Company" LEFT JOIN "public"."Platform" AS "j0" ON ("j0"."id") = ("public"."Company"."platformId") WHERE ("public"."Company"."name" ILIKE ('%' || $1 || '%') AND ("j0"."active" = $2 AND ("j0"."id" IS NOT NULL))) ORDER BY "public"."Company"."name" ASC LIMIT $3 OFFSET $4`,
      `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Company"."id" FROM "public"."Company" WHERE "public"."Company"."platformId" IN ($1) OFFSET $2) AS "sub"`,
      `SELECT SUM("forecastCents") AS "_sum$forecastCents", MAX("createdAt") AS "_max$createdAt" FROM (SELECT "public"."BudgetLine"."forecastCents", "public"."BudgetLine"."createdAt" FROM "public"."BudgetLine" WHERE "public"."BudgetLine"."eligible" = $1 OFFSET $2) AS "sub"`,
      `SELECT COUNT(*) AS "_count$_all", SUM("public"."BudgetLine"."forecastCents") AS "_sum$forecastCents", "public"."BudgetLine"."category" FROM "public"."BudgetLine" WHERE 1=1 GROUP BY "public"."BudgetLine"."category" OFFSET $1`,
      `SELECT "public"."Company"."id", COALESCE("aggr_selection_0_CompanyContact"."_aggr_count_contacts", 0) AS "_aggr_count_contacts" FROM "public"."Company" LEFT JOIN (SELECT "public"."CompanyContact"."companyId", COUNT(*) AS "_aggr_count_contacts" FROM "public"."CompanyContact" WHERE 1=1 GROUP BY "public"."CompanyContact"."companyId") AS "aggr_selection_0_CompanyContact" ON ("public"."Company"."id" = "aggr_selection_0_CompanyContact"."companyId") WHERE (EXISTS(SELECT "t0"."companyId" FROM "public"."CompanyContact" AS "t0" WHERE ("t0"."lastName" = $1 AND ("public"."Company"."id") = ("t0"."companyId"))) AND (NOT NOT EXISTS(SELECT "t1"."companyId" FROM "public"."JobOffer" AS "t1" WHERE (1=1)))) OFFSET $3`,
      `SELECT "public"."SubsidyFile"."id" FROM "public"."SubsidyFile" WHERE "public"."SubsidyFile"."status" IN (CAST($1::text AS "public"."SubsidyStatus"),CAST($2::text AS "public"."SubsidyStatus")) LIMIT $3 OFFSET $4`,
      `SELECT "public"."AuditEvent"."id" FROM "public"."AuditEvent" WHERE ("public"."AuditEvent"."metadata"#>ARRAY[$1]::text[])::jsonb::jsonb = $2 ORDER BY "public"."AuditEvent"."id" ASC LIMIT $3 OFFSET $4`,
      `SELECT "public"."Platform"."id" FROM "public"."Platform" WHERE "public"."Platform"."perimeterInseeCodes" @> $1 OFFSET $2`,
    ];
    for (const sql of prisma) expect(isPlainSelect(sql), sql).toBe(true);
    // The principal's statement (lib/auth/principal.ts): built-in functions that cannot write.
    expect(isPlainSelect(`SELECT u.id, (SELECT max(n.version) FROM "NoticeText" n WHERE n."validFrom" <= now()) AS "v", COALESCE((SELECT json_agg(json_build_object('id', p.id) ORDER BY p.name) FROM "Platform" p WHERE u.role::text = ANY($1::text[])), '[]'::json) AS platforms FROM "User" u WHERE u.id = $2::uuid`)).toBe(true);
    // What looks like a call inside a string or a quoted name is not one.
    expect(isPlainSelect(`SELECT "id", "nextval" FROM "Company" WHERE "name" = 'pg_try_advisory_lock(1)' OR "name" = 'l''x('`)).toBe(true);
  });

  it("ne reprend pas un SELECT qui appelle une fonction pouvant écrire ou verrouiller, ni une fonction appelée par un nom entre guillemets", () => {
    const refused = [
      `SELECT pg_try_advisory_lock($1)`,
      `SELECT pg_try_advisory_lock($1) AS locked FROM "User" LIMIT 1`,
      `SELECT nextval('"Invoice_number_seq"') FROM "SubsidyFile"`,
      `SELECT setval('s', 1), "id" FROM "SubsidyFile"`,
      `SELECT set_config('app.audit_maintenance', 'on', false) FROM "AuditEvent"`,
      `SELECT "id" FROM "Company" WHERE pg_advisory_lock(42) IS NOT NULL`,
      `SELECT "public"."purge_everything"($1) FROM "Company"`,
      `SELECT "public"."f_unaccent"($1) FROM "Company"`,
      `SELECT "id" FROM "Company", LATERAL dblink_exec('x', 'DELETE FROM t') AS d`,
      `SELECT COUNT (*) , lo_import('/etc/passwd') FROM "Company"`,
    ];
    for (const sql of refused) expect(isPlainSelect(sql), sql).toBe(false);
  });

  it("ne reprend ni un SELECT INTO, ni deux instructions, ni une lecture sans table, ni ce qu'il ne sait pas lire", () => {
    expect(isPlainSelect(`SELECT * INTO "CompanyCopy" FROM "Company"`)).toBe(false);
    expect(isPlainSelect(`SELECT "id" FROM "Company"; DELETE FROM "Company"`)).toBe(false);
    expect(isPlainSelect(`SELECT 1`)).toBe(false);
    expect(isPlainSelect(`SELECT $$x$$ FROM "Company"`)).toBe(false);
    expect(isPlainSelect(`SELECT E'\\'' FROM "Company"`)).toBe(false);
    expect(isPlainSelect(`SELECT "id" FROM "Company" WHERE "name" = 'unterminated`)).toBe(false);
  });
});

describe("fonctions de l'application dans une lecture reprise", () => {
  it("reprend les recherches qui appellent f_unaccent (communes, répertoire SIRENE), telles que le code les écrit", () => {
    const norm = `replace(replace(lower(f_unaccent("name")), '-', ' '), '''', ' ')`;
    const statements = [
      // lib/reference/reference.query.ts (communes by name)
      `
    SELECT "inseeCode", "name", "postalCodes" FROM "Commune"
    WHERE ${norm} LIKE $1 OR ${norm} LIKE $2
    ORDER BY (${norm} = $3) DESC, ("inseeCode" = ANY($4)) DESC, (${norm} LIKE $5) DESC, "population" DESC, "name" LIMIT $6`,
      // lib/intake/register-search.service.ts (the public register search)
      `
    SELECT e.siret, e.name, e."inseeCode", cm.name AS "communeName", e."postalCode"
    FROM "SireneEstablishment" e
    LEFT JOIN "Commune" cm ON cm."inseeCode" = e."inseeCode"
    WHERE e.active AND NOT e."individualEntrepreneur" AND lower(f_unaccent(e.name || ' ' || coalesce(e."legalName", ''))) LIKE $1
    ORDER BY e.name, e.siret
    LIMIT 10`,
      `SELECT "id" FROM "Company" ORDER BY public.f_unaccent("name")`,
    ];
    for (const sql of statements) expect(isPlainSelect(sql), sql).toBe(true);
  });

  it("reprend les requêtes de la recherche globale, pour chaque type et chaque forme de périmètre", () => {
    const scopes = [{}, { platformId: { in: ["00000000-0000-4000-8000-000000000001"] } }, { referentId: "00000000-0000-4000-8000-0000000000aa" }];
    for (const type of SEARCH_TYPES) {
      for (const scope of scopes) {
        const sql = searchIdsSql(type, scope, containsPattern("hélène"));
        expect(isPlainSelect(sql.text), sql.text).toBe(true);
      }
    }
  });

  it("n'admet que des fonctions déclarées IMMUTABLE ou STABLE par nos migrations, jamais une fonction VOLATILE ni un déclencheur", () => {
    const functions = migrationFunctions();
    expect(functions.get("f_unaccent")).toEqual({ volatility: "IMMUTABLE", trigger: false });
    expect(functions.get("audit_append")?.volatility).toBe("VOLATILE");
    expect(OWN_READ_ONLY_FUNCTIONS).toContain("f_unaccent");
    for (const name of OWN_READ_ONLY_FUNCTIONS) {
      const f = functions.get(name);
      expect(f, `${name} n'est créée par aucune migration`).toBeDefined();
      expect(["IMMUTABLE", "STABLE"], name).toContain(f!.volatility);
      expect(f!.trigger, name).toBe(false);
    }
    // Everything else we create (audit_append, the trigger functions) and audit_seal are never retried.
    const others = [...functions.keys(), "audit_seal"].filter((n) => !OWN_READ_ONLY_FUNCTIONS.includes(n));
    expect(others).toEqual(expect.arrayContaining(["audit_append", "audit_seal", "company_search_text"]));
    for (const name of others) {
      expect(isPlainSelect(`SELECT ${name}($1, $2) FROM "AuditEvent"`), name).toBe(false);
      expect(isPlainSelect(`SELECT "id" FROM "Company" WHERE ${name}("name") IS NOT NULL`), name).toBe(false);
    }
  });
});
