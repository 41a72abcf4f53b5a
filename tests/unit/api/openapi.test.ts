import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApi, ENDPOINTS } from "@/lib/api/openapi";
import { API_TOKEN_ROLES, ROLES } from "@/lib/authz/policy";
import { ROLE_LABELS } from "@/lib/nav";

const API_ROOT = path.resolve("app/api");

/** Every route.ts under app/api/v1 (and /api/health), as "METHOD /path" with {param} segments. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") {
        const rel = path.relative(API_ROOT, dir).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
        if (rel[0] === "auth") continue; // next-auth's own routes
        const url = `/api/${rel.join("/")}`;
        const src = readFileSync(full, "utf8");
        for (const m of src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${url}`);
      }
    }
  };
  walk(API_ROOT);
  return found.sort();
}

describe("OpenAPI document", () => {
  it("documents exactly the API routes that exist", () => {
    const documented = ENDPOINTS.map((e) => `${e.method.toUpperCase()} ${e.path}`).sort();
    expect(documented).toEqual(routesOnDisk());
  });

  it("is an OpenAPI 3.1 document with JSON schemas for every response", () => {
    const doc = buildOpenApi("test");
    expect(doc.openapi).toBe("3.1.0");
    const me = doc.paths["/api/v1/me"]?.get as { responses: Record<string, { content: { "application/json": { schema: { properties: Record<string, unknown> } } } }> };
    expect(Object.keys(me.responses["200"]!.content["application/json"].schema.properties).sort()).toEqual(["email", "platforms", "role"]);
    const list = doc.paths["/api/v1/subsidy-files"]?.get as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["page", "pageSize", "funder", "sort"]));
  });

  it("says which roles may use a personal token (API_TOKEN_ROLES, French labels) and that the others get 401", () => {
    const bearer = buildOpenApi("test").components.securitySchemes.bearer.description;
    for (const role of ROLES) expect(bearer.includes(`« ${ROLE_LABELS[role]} »`), role).toBe(API_TOKEN_ROLES.has(role));
    expect(API_TOKEN_ROLES.size).toBeGreaterThan(0);
    expect(API_TOKEN_ROLES.size).toBeLessThan(ROLES.length);
    expect(bearer).toMatch(/tout autre rôle, le jeton est refusé \(401/);
  });
});
