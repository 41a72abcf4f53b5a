// Issue 15 §3 — the OpenAPI document as a contract: the committed document and the client types
// generated from it are current, Redocly's strict lint finds nothing (exceptions listed with their
// reason in .redocly.lint-ignore.yaml), and the document says what each operation answers.
// The answers themselves are checked against it by tests/integration/api-contract.int.test.ts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApi, ENDPOINTS, errorStatuses } from "@/lib/api/openapi";
import { OPENAPI_FILE, OPENAPI_TYPES_FILE, openApiJson, openApiTypes } from "@/lib/api/openapi-artifacts";
import { processEnv } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const committed = () => readFileSync(path.join(ROOT, OPENAPI_FILE), "utf8");

type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>; security?: unknown[] };
const operations = (): [string, string, Operation][] =>
  Object.entries(buildOpenApi("test").paths).flatMap(([p, item]) => Object.entries(item as Record<string, Operation>).map(([m, op]) => [p, m, op] as [string, string, Operation]));

describe("document OpenAPI versionné", () => {
  it("docs/openapi.json est celui que le code génère (sinon : npm run openapi)", () => {
    expect(committed() === openApiJson(), "docs/openapi.json n'est pas à jour : lancer npm run openapi").toBe(true);
  });

  it("les types du client (openapi-typescript) sont générés du document versionné (sinon : npm run openapi)", { timeout: 30_000 }, async () => {
    const types = readFileSync(path.join(ROOT, OPENAPI_TYPES_FILE), "utf8");
    expect(types === (await openApiTypes(committed())), `${OPENAPI_TYPES_FILE} n'est pas à jour : lancer npm run openapi`).toBe(true);
  });

  it("Redocly (règles recommandées strictes) : 0 erreur, 0 avertissement, seules les exceptions commentées", { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", OPENAPI_FILE, "--format=json"], { cwd: ROOT, encoding: "utf8", env: { ...processEnv(), REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))) as { totals: { errors: number; warnings: number; ignored: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ""} ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
    expect(r.status).toBe(0);
  });
});

describe("ce que dit le document", () => {
  it("chaque opération a un operationId unique", () => {
    const ids = operations().map(([, , op]) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("chaque erreur a le corps d'erreur en français ; chaque route protégée documente 401 et 403, chaque identifiant et chaque écriture 404, chaque écriture 409 et 422", () => {
    for (const [p, m, op] of operations()) {
      const e = ENDPOINTS.find((x) => x.path === p && x.method === m);
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && !(p === "/api/health" && status === "503")) {
          expect(r.content?.["application/json"]?.schema, `${m} ${p} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
        }
      }
      if (!e?.permission) continue;
      const documented = Object.keys(op.responses).map(Number);
      expect(documented, `${m} ${p}`).toEqual(expect.arrayContaining(errorStatuses(e)));
      expect(documented, `${m} ${p}`).toEqual(expect.arrayContaining([401, 403]));
      if (p.includes("{")) expect(documented, `${m} ${p}`).toContain(404);
      if (m !== "get") expect(documented, `${m} ${p}`).toEqual(expect.arrayContaining([404, 409, 422]));
      if (e.upload) expect(documented, `${m} ${p}`).toEqual(expect.arrayContaining([400, 413]));
    }
  });

  it("un téléchargement est documenté avec son vrai type de contenu, pas en JSON", () => {
    const doc = buildOpenApi("test");
    const types = (p: string, status = "200") => Object.keys((doc.paths[p]!.get as Operation).responses[status]!.content ?? {});
    expect(types("/api/v1/reports/monthly/export")).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"]);
    expect(types("/api/v1/france-travail/{subsidyFileId}/monthly")).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(types("/api/v1/rights-requests/{id}/export")).toEqual(["text/html", "application/json", "text/csv"]);
    expect(types("/api/v1/subsidy-files/{id}/receipts/{receiptId}")).toEqual(["application/pdf", "image/jpeg", "image/png"]);
    expect(types("/api/v1/open-data/subventions")).toEqual(["application/json", "text/csv"]);
    expect(types("/api/v1/lists/{list}/export", "202")).toEqual(["application/json"]);
    expect(Object.keys((doc.paths["/api/v1/imports/companies"]!.post as Operation).responses["200"]!.content!)).toEqual(["application/x-ndjson"]);
    expect((doc.paths["/api/v1/companies/{id}"]!.delete as Operation).responses["204"]!.content).toBeUndefined();
  });

  it("aucun schéma vide dans un anyOf (un champ date se lit comme une chaîne, avec la règle des heures locales)", () => {
    const text = JSON.stringify(buildOpenApi("test"));
    expect(text).not.toContain('"anyOf":[{}');
    expect(text).not.toContain('"$schema"');
  });
});

describe("dates des réponses", () => {
  /** Every string property of a success answer whose name says it holds a date. */
  function dateProperties(schema: unknown, where: string, out: [string, Record<string, unknown>][]) {
    if (Array.isArray(schema)) return schema.forEach((s) => dateProperties(s, where, out));
    if (!schema || typeof schema !== "object") return;
    for (const [k, v] of Object.entries(schema)) {
      if (k === "properties") {
        for (const [name, prop] of Object.entries(v as Record<string, Record<string, unknown>>)) {
          if (/(At|Date|^date|^since|^validFrom|^validUntil)$/.test(name)) out.push([`${where} ${name}`, prop]);
          dateProperties(prop, `${where}.${name}`, out);
        }
      } else dateProperties(v, where, out);
    }
  }
  const formats = (s: Record<string, unknown>): unknown[] => [s.format, ...((s.anyOf as Record<string, unknown>[] | undefined) ?? []).map((x) => x.format)].filter(Boolean);

  it("chaque champ date d'une réponse a format: date ou date-time, et sa règle dans la description", () => {
    const found: [string, Record<string, unknown>][] = [];
    for (const [p, m, op] of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) >= 300) continue;
        for (const [type, media] of Object.entries(r.content ?? {})) dateProperties(media.schema, `${m} ${p} ${status} ${type}`, found);
      }
    }
    expect(found.length).toBeGreaterThan(100);
    const plain = found.filter(([, s]) => formats(s).length === 0).map(([w]) => w);
    expect(plain, "champs date documentés comme simples chaînes").toEqual([]);
    const text = JSON.stringify(buildOpenApi("test"));
    expect(text).toContain("dans les réponses, toujours en UTC (suffixe Z");
    expect(text).toContain("jour légal de Paris (Europe/Paris)");
    const undescribed = found.filter(([, s]) => !/AAAA-MM-JJ|ISO 8601/.test(JSON.stringify(s))).map(([w]) => w);
    expect(undescribed, "champs date sans la règle dans leur description").toEqual([]);
  });
});
