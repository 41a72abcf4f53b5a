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
import { pageQuerySchema } from "@/lib/validation";

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
export interface KeysetSort {
  field: string;
  dir: "asc" | "desc";
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

const INVALID = () => new ValidationError({ after: ["Curseur de pagination invalide : repartez de la première page."] });

export function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value instanceof Date ? { d: value.toISOString() } : value, id])).toString("base64url");
}

export function decodeCursor(cursor: string, kind: "date" | "string"): { value: SortValue; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw INVALID();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string" || !/^[0-9a-f-]{36}$/i.test(parsed[1])) throw INVALID();
  const [v, id] = parsed as [unknown, string];
  if (kind === "date") {
    const iso = v && typeof v === "object" && typeof (v as { d?: unknown }).d === "string" ? (v as { d: string }).d : null;
    const d = iso ? new Date(iso) : null;
    if (!d || Number.isNaN(d.getTime())) throw INVALID();
    return { value: d, id };
  }
  if (typeof v !== "string") throw INVALID();
  return { value: v, id };
}

const flip = (dir: "asc" | "desc") => (dir === "asc" ? "desc" : "asc");

/**
 * The Prisma arguments of one page: a seek condition to AND with the list's filters, the order
 * (sort field then id, both in the read direction) and how many rows to read (one more than the page,
 * to know whether another page follows).
 */
export function keysetArgs(sort: KeysetSort, q: CursorQuery, kind: "date" | "string") {
  const backwards = Boolean(q.before) || (Boolean(q.last) && !q.after);
  const dir = backwards ? flip(sort.dir) : sort.dir;
  const cursor = q.after ? decodeCursor(q.after, kind) : q.before ? decodeCursor(q.before, kind) : null;
  const op = dir === "asc" ? "gt" : "lt";
  const seek = cursor ? { OR: [{ [sort.field]: { [op]: cursor.value } }, { [sort.field]: cursor.value, id: { [op]: cursor.id } }] } : {};
  const offset = !cursor && !q.last ? ((q.page ?? 1) - 1) * q.pageSize : 0;
  return { seek, orderBy: [{ [sort.field]: dir }, { id: dir }], take: q.pageSize + 1, skip: offset, backwards, cursor };
}

/** Trims the extra row, restores the display order and computes the neighbouring cursors. */
export function keysetPage<T extends { id: string }>(
  rows: T[],
  args: ReturnType<typeof keysetArgs>,
  q: CursorQuery,
  valueOf: (row: T) => SortValue,
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
 */
export async function cappedTotal(count: (take: number) => Promise<number>, estimate?: () => Promise<number>): Promise<ListTotal> {
  const n = await count(COUNT_CAP + 1);
  if (n <= COUNT_CAP) return { value: n, kind: "exact" };
  if (estimate) {
    const e = await estimate();
    if (e > COUNT_CAP) return { value: e, kind: "about" };
  }
  return { value: COUNT_CAP, kind: "atLeast" };
}

/** The planner's estimate of a table's rows (pg_class.reltuples, kept by ANALYZE / autovacuum). */
export async function tableEstimate(db: DbOrTx, table: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT GREATEST(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = to_regclass(${`"${table}"`})`;
  return Math.round(rows[0]?.n ?? 0);
}
