// Issue 14 §6: « an empty optional field must be accepted everywhere ». Every zod object schema of
// lib/**/*.schema.ts (the same schemas validate the forms and the API), every field that accepts
// `undefined` (i.e. optional), must also accept what an empty form field sends (""), and
// turn it into an empty value — not into « Code NAF/APE invalide ».
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function schemaFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "generated") continue;
    if (statSync(full).isDirectory()) schemaFiles(full, out);
    else if (name.endsWith(".schema.ts")) out.push(full);
  }
  return out;
}

/** The object behind `.superRefine()`, `.and()`, `.pipe()`…, when there is one. */
function objectsOf(s: unknown): z.ZodObject[] {
  if (s instanceof z.ZodObject) return [s];
  if (s instanceof z.ZodIntersection) return [...objectsOf(s.def.left), ...objectsOf(s.def.right)];
  if (s instanceof z.ZodPipe) return objectsOf(s.def.in);
  return [];
}

/** A field a text box or a select can fill: somewhere inside, a string, an enum or a coerced type. */
function takesText(s: unknown, depth = 0): boolean {
  if (depth > 8 || !s || typeof s !== "object") return false;
  const t = s as { def?: Record<string, unknown> } & z.ZodType;
  if (t instanceof z.ZodString || t instanceof z.ZodEnum) return true;
  if (t instanceof z.ZodLiteral) return [...t.values].some((v) => typeof v === "string" && v !== "");
  const def = t.def ?? {};
  if (def.coerce === true) return true;
  if (t instanceof z.ZodUnion) return (def.options as unknown[]).some((o) => takesText(o, depth + 1));
  return ["innerType", "in", "out", "schema"].some((k) => def[k] !== undefined && takesText(def[k], depth + 1));
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0);

// Form input schemas only: list queries (page, sort, filters) are read from URLs, not typed in forms.
const isQuery = (name: string) => /(Query|Filter|List|Dto|Response)\w*Schema$/i.test(name) || !/Schema$/.test(name);

const files = schemaFiles(path.join(ROOT, "lib"));
const cases: { where: string; key: string; field: z.ZodType }[] = [];
for (const file of files) {
  const mod = (await import(file)) as Record<string, unknown>;
  const forms = Object.entries(mod).filter(([name]) => !isQuery(name)).map(([name, value]) => [name, objectsOf(value)] as const);
  // A field required in a creation form of the module and optional in its partial update is
  // not optional: clearing it must stay refused.
  const requiredSomewhere = new Set(forms.filter(([name]) => /^(create|new|invite)|Input|Form|Fields/i.test(name)).flatMap(([, objs]) => objs.flatMap((o) => Object.entries(o.shape as Record<string, z.ZodType>).filter(([, f]) => !f.safeParse(undefined).success).map(([k]) => k))));
  for (const [name, objs] of forms) {
    for (const obj of objs) {
      for (const [key, field] of Object.entries(obj.shape as Record<string, z.ZodType>)) {
        if (field.safeParse(undefined).success && !requiredSomewhere.has(key) && takesText(field)) cases.push({ where: `${path.relative(ROOT, file)} ${name}.${key}`, key, field });
      }
    }
  }
}

describe("chaque champ facultatif de chaque formulaire accepte d'être vide", () => {
  it("trouve les schémas des formulaires", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(cases.length).toBeGreaterThan(80);
    expect(cases.some((c) => c.where.includes("createCompanySchema.nafCode"))).toBe(true);
  });

  it('un champ laissé vide ("") vaut « non renseigné » (sa valeur par défaut ou rien), jamais une erreur', () => {
    const refused: string[] = [];
    for (const c of cases) {
      for (const empty of [""]) {
        const r = c.field.safeParse(empty);
        if (!r.success) refused.push(`${c.where} ← ${JSON.stringify(empty)} : ${r.error.issues[0]?.message}`);
        else if (!isEmpty(r.data) && JSON.stringify(r.data) !== JSON.stringify(c.field.parse(undefined))) refused.push(`${c.where} ← ${JSON.stringify(empty)} : ${JSON.stringify(r.data)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
