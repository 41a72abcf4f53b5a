// Issue 15 §3 — checks one HTTP answer against the committed OpenAPI document (docs/openapi.json):
// its status must be documented for the operation, its Content-Type too, and a JSON (or NDJSON) body
// must validate with ajv in strict mode (ajv-formats: `date` and `date-time` are checked), objects
// closed, so an undocumented field fails. One more check the document alone cannot make: a string that
// looks like a date-time (or a day, in a property named like a date) must sit in a schema that says
// `format: date` or `format: date-time` — a date field documented as a plain string fails.
// Used by tests/integration/api-contract.int.test.ts (every GET, error probes, a few writes) and by
// tests/integration/security/allowed-writes.int.test.ts (every write route, every allowed role).
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Action } from "@/lib/authz/policy";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface MediaObject { schema: Record<string, unknown> }
export interface ResponseObject { description: string; content?: Record<string, MediaObject> }
export interface Parameter { name: string; in: "path" | "query"; required: boolean; schema: { enum?: string[]; type?: string } }
export interface Operation { operationId: string; description?: string; "x-permission"?: Action; parameters?: Parameter[]; responses: Record<string, ResponseObject> }
export interface Doc { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Record<string, unknown>> } }

export const doc = JSON.parse(readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8")) as Doc;

/** The operation of a route: its path in the document ({id}) or in the file system ([id]). */
export function operationOf(method: string, routePath: string): Operation | undefined {
  return doc.paths[routePath.replace(/\[(\w+)\]/g, "{$1}")]?.[method.toLowerCase()];
}

// ajv, strict: an unknown keyword or format in the document fails too.
const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
addFormats(ajv);

/** A date-time (AAAA-MM-JJTHH:MM…): only a `format: date-time` schema may hold one. */
const DATE_TIME_SHAPED = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";
/**
 * A calendar day alone (AAAA-MM-JJ) is flagged only in a property whose name says it is a date: a free
 * text may hold « 2026-01-15 » (tests/unit/api/openapi-contract.test.ts checks those names statically).
 */
const DAY_SHAPED = "^\\d{4}-\\d{2}-\\d{2}(T|$)";
const DATE_NAME = /(At|Date|^date|^since|^validFrom|^validUntil)$/;

/**
 * The schema as the test validates it: the Error $ref inlined, and every string schema without a
 * format, an enum, a const or a pattern (which says the shape itself) refusing date-shaped values, so
 * a date documented as a plain string fails.
 */
function prepare(schema: unknown, name = ""): unknown {
  if (Array.isArray(schema)) return schema.map((s) => prepare(s, name));
  if (!schema || typeof schema !== "object") return schema;
  if ((schema as { $ref?: string }).$ref === "#/components/schemas/Error") return prepare(doc.components.schemas.Error);
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "properties" ? Object.fromEntries(Object.entries(v as object).map(([n, s]) => [n, prepare(s, n)])) : k === "anyOf" || k === "oneOf" ? prepare(v, name) : prepare(v)]));
  const type = (schema as { type?: unknown }).type;
  const isString = type === "string" || (Array.isArray(type) && type.includes("string"));
  if (isString && !("format" in schema) && !("enum" in schema) && !("const" in schema) && !("pattern" in schema)) {
    out.not = { type: "string", pattern: DATE_NAME.test(name) ? DAY_SHAPED : DATE_TIME_SHAPED, description: "une date doit être documentée avec format: date ou date-time" };
  }
  return out;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(prepare(schema) as Record<string, unknown>)));
  return v;
}

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b) => b.subarray(0, 2).toString("latin1") === "PK",
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  "image/png": (b) => b[0] === 0x89 && b.subarray(1, 4).toString("latin1") === "PNG",
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8,
  "text/csv": (b) => b.length > 0 && !b.includes(0),
  "text/html": (b) => /<html|<!doctype html/i.test(b.toString("utf8")),
};

function validationProblem(validate: ValidateFunction, body: unknown): string | null {
  if (validate(body)) return null;
  const errors = [...new Set((validate.errors ?? []).map((e) => {
    const where = e.instancePath.replace(/\/\d+(?=\/|$)/g, "/*") || "/";
    if (e.keyword === "not") return `${where} date documentée comme simple chaîne (format: date ou date-time manquant) : « ${String(e.data)} »`;
    return `${where} ${e.message}${e.params.additionalProperty ? ` : ${String(e.params.additionalProperty)}` : ""}`;
  }))];
  return errors.join(" ; ");
}

/** Checks the answer's status, Content-Type and body (as bytes) against the operation; returns a problem, or null. */
export function checkBytes(label: string, op: Operation, status: number, contentType: string | null, bytes: Buffer): string | null {
  const documented = op.responses[String(status)];
  if (!documented) return `${label}: statut ${status} non documenté (${bytes.toString("utf8").slice(0, 200)})`;
  const type = (contentType ?? "").split(";")[0]!.trim();
  if (!documented.content) return bytes.length === 0 ? null : `${label}: ${status} documenté sans contenu, reçu ${type}`;
  const media = documented.content[type];
  if (!media) return `${label}: type ${type || "(aucun)"} non documenté pour ${status} (documentés : ${Object.keys(documented.content).join(", ")})`;
  if (type === "application/json" || type === "application/x-ndjson") {
    const text = bytes.toString("utf8");
    const lines = type === "application/json" ? [text] : text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length === 0) return `${label}: ${type} vide`;
    const validate = validatorFor(`${op.operationId} ${status} ${type}`, media.schema);
    for (const line of lines) {
      let body: unknown;
      try {
        body = JSON.parse(line);
      } catch {
        return `${label}: JSON illisible`;
      }
      const problem = validationProblem(validate, body);
      if (problem) return `${label}: réponse ${status} hors schéma : ${problem}`;
    }
    return null;
  }
  const magic = MAGIC[type];
  if (magic && !magic(bytes)) return `${label}: le contenu n'est pas du ${type}`;
  return null;
}

/** Same, reading a Response (consumed). */
export async function checkResponse(label: string, op: Operation, res: Response): Promise<string | null> {
  return checkBytes(label, op, res.status, res.headers.get("content-type"), Buffer.from(await res.arrayBuffer()));
}
