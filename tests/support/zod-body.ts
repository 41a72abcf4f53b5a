// Valid request bodies built from a route's own zod schema (issue 21), for the security tests that
// must reach the handler: isolation (a valid body on another platform's record must get 404, not a
// validation 400) and hostile input (valid bodies mutated field by field).
//
// The schema's input side as JSON Schema gives the fields, types, enums, lengths and formats; the
// values come first from `source` (the record's current row: its own values and version), then
// from plain candidates per type; which fields are dates comes from the zod schema itself (a
// z.date, a preprocess to one, z.iso.date / datetime), never from the field's name (« description »
// ends in « on »); refinements the JSON Schema cannot express (SIRET key, dates, cross-field rules) are met by trying the next candidate for each field zod still refuses. The
// result is always checked with schema.safeParse: `validBody` never returns an invalid body.
import { z } from "zod";

type Json = Record<string, unknown>;
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
}

/** A SIRET whose Luhn key is right (14 digits). */
export function luhnSiret(seed = Math.floor(Math.random() * 1e12)): string {
  const base = `3${String(seed).padStart(12, "0").slice(-12)}`;
  for (let check = 0; check < 10; check++) {
    const all = `${base}${check}`.split("").map(Number);
    const sum = all.reduce((acc, d, i) => {
      const v = (all.length - i) % 2 === 0 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return all.join("");
  }
  throw new Error("inatteignable");
}

/** Values that satisfy the project's common field rules, tried by field name. */
const BY_NAME: [RegExp, () => unknown[]][] = [
  [/siret/i, () => [luhnSiret()]],
  [/communeCode/i, () => ["62498"]],
  [/postalCode/i, () => ["62300"]],
  [/phone/i, () => ["03 21 00 00 00", "0321000000"]],
  [/email/i, () => ["personne.test@exemple.fr"]],
  [/nafCode/i, () => ["47.11D"]],
  [/category/i, () => ["SALAIRES", "RH_DEDIEES", "AUTRES"]],
  [/franceTravailId|ftId/i, () => ["1234567A", "12345678901"]],
  [/month/i, () => ["2026-01"]],
  [/year/i, () => [2026, "2026"]],
];

const DATE_VALUES = () => ["2026-01-15", "2026-01-15T10:00", new Date("2026-01-15T10:00:00Z").toISOString()];

type ZodDef = { type: string; format?: string; innerType?: ZodNode; in?: ZodNode; out?: ZodNode; options?: ZodNode[]; left?: ZodNode; right?: ZodNode; shape?: Record<string, ZodNode>; element?: ZodNode };
type ZodNode = { _zod: { def: ZodDef } };
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "success"]);

/** Does this zod node take a date: a z.date (coerced or behind a preprocess), z.iso.date or z.iso.datetime? */
function takesDate(node: ZodNode | undefined, depth = 0): boolean {
  if (!node || depth > 20) return false;
  const def = node._zod.def;
  if (def.type === "date") return true;
  if (def.type === "string") return def.format === "date" || def.format === "datetime";
  if (WRAPPERS.has(def.type)) return takesDate(def.innerType, depth + 1);
  if (def.type === "pipe") return takesDate(def.in, depth + 1) || takesDate(def.out, depth + 1);
  if (def.type === "union") return (def.options ?? []).some((o) => takesDate(o, depth + 1));
  return false;
}

/** Names of the fields that take a date, in every object shape of the schema (unions, intersections, nested). */
function dateFieldNames(node: ZodNode | undefined, out = new Set<string>(), depth = 0): Set<string> {
  if (!node || depth > 20) return out;
  const def = node._zod.def;
  if (def.type === "object") {
    for (const [key, sub] of Object.entries(def.shape ?? {})) {
      if (takesDate(sub)) out.add(key);
      dateFieldNames(sub, out, depth + 1);
    }
  } else if (WRAPPERS.has(def.type)) dateFieldNames(def.innerType, out, depth + 1);
  else if (def.type === "pipe") { dateFieldNames(def.in, out, depth + 1); dateFieldNames(def.out, out, depth + 1); }
  else if (def.type === "union") for (const o of def.options ?? []) dateFieldNames(o, out, depth + 1);
  else if (def.type === "intersection") { dateFieldNames(def.left, out, depth + 1); dateFieldNames(def.right, out, depth + 1); }
  else if (def.type === "array") dateFieldNames(def.element, out, depth + 1);
  return out;
}

function typesOf(js: JsonSchema): string[] {
  return Array.isArray(js.type) ? js.type : js.type ? [js.type] : [];
}

/** Plain candidates for one schema node, most likely first. `ids`: real ids by field name. */
function candidates(js: JsonSchema, name: string, ids: Record<string, string[]>, dates: ReadonlySet<string> = new Set()): unknown[] {
  const out: unknown[] = [];
  for (const [re, values] of BY_NAME) if (re.test(name)) out.push(...values());
  if (dates.has(name)) out.push(...DATE_VALUES());
  const idList = ids[name] ?? ids[name.replace(/s$/, "")] ?? [];
  if (js.anyOf || js.oneOf) {
    for (const alt of js.anyOf ?? js.oneOf ?? []) if (alt.const !== "") out.push(...candidates(alt, name, ids, dates));
  }
  if (js.const !== undefined) out.push(js.const);
  if (js.enum) out.push(...js.enum.filter((v) => v !== ""));
  const types = typesOf(js);
  if (types.includes("array")) {
    const item = js.items ?? {};
    const inner = candidates(item, name.replace(/s$/, ""), ids, dates);
    const n = Math.max(js.minItems ?? 0, 1);
    if ((js.minItems ?? 0) === 0) out.push([]);
    if (idList.length) out.push(idList.slice(0, n));
    for (const v of inner.slice(0, 4)) out.push(Array.from({ length: n }, () => v));
  }
  if (types.includes("object") || js.properties) {
    const obj: Json = {};
    for (const key of js.required ?? []) obj[key] = candidates(js.properties?.[key] ?? {}, key, ids, dates)[0];
    out.push(obj);
  }
  if (types.includes("string")) {
    if (js.format === "uuid" || /Id$/.test(name)) out.push(...idList);
    if (js.format === "uuid") out.push("00000000-0000-4000-8000-000000000000");
    if (js.format === "email") out.push("personne.test@exemple.fr");
    if (js.format === "date") out.push("2026-01-15");
    if (js.format === "date-time") out.push("2026-01-15T10:00:00.000Z");
    const min = js.minLength ?? 0;
    const max = js.maxLength ?? 200;
    const text = "Valeur de test de sécurité".padEnd(min, "x").slice(0, Math.max(min, Math.min(max, 26)));
    out.push(text);
  }
  if (types.includes("integer") || types.includes("number")) {
    const lo = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : 1);
    out.push(Math.max(lo, 1) <= (js.maximum ?? Infinity) ? Math.max(lo, 1) : lo, 0, 100);
  }
  if (types.includes("boolean")) out.push(false, true);
  if (types.length === 0 && !js.anyOf && !js.oneOf && js.const === undefined && !js.enum) {
    // Unrepresentable in JSON Schema (a preprocess, e.g. a date field): try what such fields take.
    out.push("2026-01-15", "2026-01-15T10:00", "Valeur de test", 1, true, [], idList[0]);
  }
  return out.filter((v) => v !== undefined);
}

export interface ValidBody {
  body: Json;
  /** Fields taken from `source` unchanged (the record's current values). */
  fromSource: string[];
}

/**
 * A body that `schema` accepts. `source`: the record's current values (its row as JSON), used first
 * for every field the schema knows; `ids`: real ids to use for *Id fields; `overrides`: fixed values.
 * Returns null when no valid body was found (the caller names the route so a case can be added);
 * `lastIssues` then tells what zod still refused.
 */
export let lastIssues: string[] = [];
export function validBody(schema: z.ZodType, opts: { source?: Json; ids?: Record<string, string[]>; overrides?: Json } = {}): ValidBody | null {
  const root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  // A union of object shapes (e.g. forecast or actual expense of a budget line): each shape in turn.
  for (const js of root.anyOf ?? root.oneOf ?? [root]) {
    const found = fromShape(schema, js, opts);
    if (found) return found;
  }
  return null;
}

function fromShape(schema: z.ZodType, js: JsonSchema, opts: { source?: Json; ids?: Record<string, string[]>; overrides?: Json }): ValidBody | null {
  const props = js.properties ?? {};
  const ids = opts.ids ?? {};
  const source = opts.source ?? {};
  const dates = dateFieldNames(schema as unknown as ZodNode);
  const body: Json = {};
  const pools = new Map<string, unknown[]>();
  for (const [key, sub] of Object.entries(props)) {
    const pool: unknown[] = [];
    if (key in (opts.overrides ?? {})) pool.push(opts.overrides![key]);
    if (source[key] !== undefined) pool.push(source[key]);
    pool.push(...candidates(sub, key, ids, dates));
    if (!(js.required ?? []).includes(key)) pool.push(undefined);
    pools.set(key, pool);
    body[key] = pool[0];
  }
  const tried = new Map<string, number>([...pools.keys()].map((k) => [k, 0]));
  for (let round = 0; round < 60; round++) {
    const parsed = schema.safeParse(strip(body));
    if (parsed.success) {
      const out = strip(body);
      return { body: out, fromSource: Object.keys(out).filter((k) => source[k] !== undefined && JSON.stringify(out[k]) === JSON.stringify(source[k])) };
    }
    // Next candidate for every top-level field zod refuses (a cross-field rule points at one of them).
    lastIssues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    const failing = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")).filter((k) => pools.has(k)));
    if (failing.size === 0) return null;
    let moved = false;
    for (const key of failing) {
      const pool = pools.get(key)!;
      const next = tried.get(key)! + 1;
      if (next < pool.length) {
        tried.set(key, next);
        body[key] = pool[next];
        moved = true;
      }
    }
    if (!moved) return null;
  }
  return null;
}

function strip(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
