// Keyset pagination for the lists that can be region-wide (issue 18): rows are read in a stable order
// (sort field, then id in the same direction) from a cursor — the last row seen — instead of an
// OFFSET that reads and sorts everything before the page. The API returns opaque `next` / `prev`
// cursors; page numbers stay accepted (an OFFSET on the same index, cheap for the first pages) and
// are carried along with a cursor only to display "page N". Totals are exact up to COUNT_CAP rows,
// then an estimate (« environ 150 000 ») or a bound (« plus de 10 000 »).
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { TotalKind } from "@/lib/pagination/total-label";
import { hasNul, pageQuerySchema } from "@/lib/validation";

/** Rows counted exactly before the total becomes an estimate or a lower bound. */
export const COUNT_CAP = 10_000;

export const cursorQuerySchema = pageQuerySchema.extend({
  /** Absent with a cursor: the page's number is then unknown (shown without one). */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The page after this cursor (a `next` value of the API). */
  after: z.string().trim().max(300).optional(),
  /** The page before this cursor (a `prev` value of the API). */
  before: z.string().trim().max(300).optional(),
  /** The last page, read backwards from the end. */
  last: z.stringbool({ error: "« last » vaut true ou false." }).optional(),
});
export type CursorQuery = z.infer<typeof cursorQuerySchema>;

export type SortValue = Date | string;
/** One key of a single-column order (the id follows); kept for the offers list. */
export interface KeysetSort {
  field: string;
  dir: "asc" | "desc";
}
/**
 * One column of a keyset order. `nulls` is required for a nullable column (where its NULLs sort, in
 * the order's own direction); reading backwards flips both the direction and the NULLs.
 */
export interface KeysetKey extends KeysetSort {
  kind: "date" | "string";
  nulls?: "first" | "last";
}
/** Columns in order, then the row id in the direction of the first column (uuid, or a bigint sequence). */
export interface KeysetOrder {
  keys: KeysetKey[];
  id?: "uuid" | "bigint";
}

export type { TotalKind };
export interface ListTotal {
  value: number;
  kind: TotalKind;
}

export interface KeysetPage<T> {
  items: T[];
  /** Page number when known (page navigation, or carried along with a cursor), else null. */
  page: number | null;
  pageSize: number;
  total: number;
  totalKind: TotalKind;
  next: string | null;
  prev: string | null;
}

/** The parameter a cursor comes in: a refused one is a French 400 on that field. */
export type CursorParam = "after" | "before";
const INVALID = (param: CursorParam) => new ValidationError({ [param]: ["Curseur de pagination invalide : repartez de la première page."] });

export type CursorValue = SortValue | null;
const encodeValue = (v: CursorValue) => (v instanceof Date ? { d: v.toISOString() } : v);

/** A cursor: the row's sort values then its id, as base64url JSON (`[v1, …, id]`). */
export function encodeCursor(value: CursorValue | CursorValue[], id: string | bigint): string {
  const values = Array.isArray(value) ? value : [value];
  return Buffer.from(JSON.stringify([...values.map(encodeValue), String(id)])).toString("base64url");
}

/** A cursor's value for `key`, or undefined when the cursor cannot hold it. */
function decodeValue(v: unknown, key: Pick<KeysetKey, "kind" | "nulls">): CursorValue | undefined {
  if (v === null && key.nulls) return null;
  if (key.kind === "date") {
    const iso = v && typeof v === "object" && typeof (v as { d?: unknown }).d === "string" ? (v as { d: string }).d : null;
    const d = iso ? new Date(iso) : null;
    // Years 1 to 9999 only: PostgreSQL refuses the rest of JavaScript's range (year 0, negative
    // years, « +275760-… ») and a forged cursor answered 500, not 400.
    if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) return undefined;
    return d;
  }
  // No U+0000 either: PostgreSQL cannot compare text holding it (22021, a 500).
  if (typeof v !== "string" || hasNul(v)) return undefined;
  return v;
}

function decodeRaw(cursor: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

// A uuid in its canonical layout only: 36 hex digits and dashes in any order passed the former
// pattern, and PostgreSQL's ::uuid then refused them — a forged cursor answered 500, not 400.
const ID_PATTERN = { uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, bigint: /^[0-9]{1,19}$/ } as const;

const MAX_BIGINT = 2n ** 63n - 1n;

/** Decodes a cursor of `order` (values and id checked against the order's kinds), or a French 400 on `param`. */
export function decodeKeysetCursor(cursor: string, order: KeysetOrder, param: CursorParam = "after"): { values: CursorValue[]; id: string } {
  const parsed = decodeRaw(cursor);
  const idKind = order.id ?? "uuid";
  const id = parsed?.[parsed.length - 1];
  if (!parsed || parsed.length !== order.keys.length + 1 || typeof id !== "string" || !ID_PATTERN[idKind].test(id)) throw INVALID(param);
  // A bigint id beyond PostgreSQL's int8 (19 digits reach 9 999 999 999 999 999 999): a 500 before.
  if (idKind === "bigint" && BigInt(id) > MAX_BIGINT) throw INVALID(param);
  const values = order.keys.map((k, i) => decodeValue(parsed[i], k));
  if (values.includes(undefined)) throw INVALID(param);
  return { values: values as CursorValue[], id };
}

/** Single-column cursor (value, uuid). */
export function decodeCursor(cursor: string, kind: "date" | "string"): { value: SortValue; id: string } {
  const { values, id } = decodeKeysetCursor(cursor, { keys: [{ field: "", dir: "asc", kind }] });
  return { value: values[0] as SortValue, id };
}

const flip = (dir: "asc" | "desc") => (dir === "asc" ? "desc" : "asc");
const flipNulls = (n: "first" | "last" | undefined) => (n === "first" ? "last" : n === "last" ? "first" : undefined);

export type Where = Record<string, unknown>;

/**
 * Rows strictly after `values, id` in the read order: for each column k, the rows equal on the
 * columns before k and after on k (NULLs placed where the order puts them), then equal everywhere
 * and after on the id. A leading bound on the first column (`>=` / `<=`) is added when its NULLs
 * cannot follow: PostgreSQL turns it into an index range instead of filtering from the start.
 */
function seekWhere(keys: KeysetKey[], values: CursorValue[], id: string, idKind: "uuid" | "bigint"): Where {
  const branches: Where[] = [];
  const equal: Where[] = [];
  keys.forEach((k, i) => {
    const v = values[i] ?? null;
    const op = k.dir === "asc" ? "gt" : "lt";
    let after: Where | null;
    if (v === null) after = k.nulls === "first" ? { [k.field]: { not: null } } : null;
    else after = k.nulls === "last" ? { OR: [{ [k.field]: { [op]: v } }, { [k.field]: null }] } : { [k.field]: { [op]: v } };
    if (after) branches.push({ AND: [...equal, after] });
    equal.push({ [k.field]: v });
  });
  const idOp = keys[0]!.dir === "asc" ? "gt" : "lt";
  branches.push({ AND: [...equal, { id: { [idOp]: idKind === "bigint" ? BigInt(id) : id } }] });
  const first = keys[0]!;
  const v0 = values[0] ?? null;
  const bound = v0 !== null && first.nulls !== "last" ? [{ [first.field]: { [first.dir === "asc" ? "gte" : "lte"]: v0 } }] : [];
  return { AND: [...bound, { OR: branches }] };
}

/**
 * The Prisma arguments of one page for a multi-column order: a seek condition to AND with the list's
 * filters, the order (columns then id, in the read direction) and how many rows to read (one more
 * than the page, to know whether another page follows).
 */
export function keysetOrderArgs(order: KeysetOrder, q: CursorQuery) {
  const backwards = Boolean(q.before) || (Boolean(q.last) && !q.after);
  const keys: KeysetKey[] = order.keys.map((k) => (backwards ? { ...k, dir: flip(k.dir), nulls: flipNulls(k.nulls) } : k));
  const raw = q.after ?? q.before;
  const cursor = raw ? decodeKeysetCursor(raw, order, q.after ? "after" : "before") : null;
  const seek = cursor ? seekWhere(keys, cursor.values, cursor.id, order.id ?? "uuid") : {};
  const offset = !cursor && !q.last ? ((q.page ?? 1) - 1) * q.pageSize : 0;
  const idDir = keys[0]!.dir;
  const orderBy = [...keys.map((k) => ({ [k.field]: k.nulls ? { sort: k.dir, nulls: k.nulls } : k.dir })), { id: idDir }];
  return { seek, orderBy, keys, take: q.pageSize + 1, skip: offset, backwards, cursor };
}

/** Single-column order (the offers list): same as keysetOrderArgs. */
export function keysetArgs(sort: KeysetSort, q: CursorQuery, kind: "date" | "string") {
  return keysetOrderArgs({ keys: [{ ...sort, kind }] }, q);
}

/** Trims the extra row, restores the display order and computes the neighbouring cursors. */
export function keysetPage<T extends { id: string | bigint }>(
  rows: T[],
  args: ReturnType<typeof keysetOrderArgs>,
  q: CursorQuery,
  valueOf: (row: T) => CursorValue | CursorValue[],
  total: ListTotal,
): KeysetPage<T> {
  const more = rows.length > q.pageSize;
  const page = rows.slice(0, q.pageSize);
  if (args.backwards) page.reverse();
  const first = page[0];
  const lastRow = page[page.length - 1];
  const at = (r: T | undefined) => (r ? encodeCursor(valueOf(r), r.id) : null);
  // Reading forwards, a page after a cursor or past page 1 has a predecessor; backwards, a successor.
  const next = args.backwards ? (q.last && !q.before ? null : at(lastRow)) : more ? at(lastRow) : null;
  const prev = args.backwards ? (more ? at(first) : null) : args.cursor || args.skip > 0 ? at(first) : null;
  // Read from a cursor or from the end, the number is the one the screen carried along, if any.
  const pageNo = args.cursor || q.last ? (q.page ?? null) : (q.page ?? 1);
  return { items: page, page: pageNo, pageSize: q.pageSize, total: total.value, totalKind: total.kind, next, prev };
}

/**
 * The list's total: exact while at most COUNT_CAP rows match (the count stops there), else the
 * estimate when one is given (the table's size for an unfiltered region-wide list), else a bound.
 * `page` read from a cursor or from the end (keysetOrderArgs): the reader came from the first page,
 * which already counted; when the estimate is over COUNT_CAP it is the answer and the capped count
 * (up to 10 001 index entries) is not run again. A smaller estimate still counts (exact, cheap).
 */
export async function cappedTotal(
  count: (take: number) => Promise<number>,
  estimate?: () => Promise<number>,
  page?: Pick<ReturnType<typeof keysetOrderArgs>, "cursor" | "backwards">,
): Promise<ListTotal> {
  let e: number | undefined;
  if (estimate && page && (page.cursor || page.backwards)) {
    e = await estimate();
    if (e > COUNT_CAP) return { value: e, kind: "about" };
  }
  const n = await count(COUNT_CAP + 1);
  if (n <= COUNT_CAP) return { value: n, kind: "exact" };
  if (estimate) {
    e ??= await estimate();
    if (e > COUNT_CAP) return { value: e, kind: "about" };
  }
  return { value: COUNT_CAP, kind: "atLeast" };
}

/** The planner's estimate of a table's rows (pg_class.reltuples, kept by ANALYZE / autovacuum). */
export async function tableEstimate(db: DbOrTx, table: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT GREATEST(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = to_regclass(${`"${table}"`})`;
  return Math.round(rows[0]?.n ?? 0);
}
