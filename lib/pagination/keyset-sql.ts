import "server-only";
// Keyset pages whose SQL the list writes itself and whose JSON PostgreSQL writes (issue 18): the seek
// condition and order of keysetOrderArgs in SQL, the page as the API's JSON text. Apart from
// keyset.ts, which the list schemas (and so the browser) import: this one needs Prisma's runtime.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CursorValue, KeysetKey, KeysetPage, keysetOrderArgs, Where } from "@/lib/pagination/keyset";

/** An instant as `Date.prototype.toISOString` writes it, in SQL (the columns are UTC `timestamp(3)`). */
export const iso = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A page as the API's JSON text, byte for byte what `JSON.stringify` writes of the same page with its
 * items parsed: `item` gives each item's JSON as PostgreSQL wrote it (lists of issue 18).
 */
export function pageJson<T>({ items, ...rest }: KeysetPage<T>, item: (row: T) => string): string {
  return `{"items":[${items.map(item).join(",")}],${JSON.stringify(rest).slice(1)}`;
}

/** A seek condition of seekWhere in SQL; `column` names a field's column. */
function seekSql(where: Where, column: (field: string) => Prisma.Sql): Prisma.Sql {
  const parts = Object.entries(where).map(([key, value]): Prisma.Sql => {
    if (key === "AND" || key === "OR") {
      const list = (value as Where[]).map((w) => seekSql(w, column));
      return list.length === 0 ? Prisma.sql`TRUE` : Prisma.sql`(${Prisma.join(list, key === "AND" ? " AND " : " OR ")})`;
    }
    const col = column(key);
    if (value === null) return Prisma.sql`${col} IS NULL`;
    if (typeof value === "object" && !(value instanceof Date)) {
      const [op, v] = Object.entries(value as Record<string, CursorValue | bigint>)[0]!;
      if (op === "not") return Prisma.sql`${col} IS NOT NULL`;
      return Prisma.sql`${col} ${Prisma.raw(SQL_OP[op]!)} ${sqlValue(key, v)}`;
    }
    return Prisma.sql`${col} = ${sqlValue(key, value as CursorValue)}`;
  });
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, " AND ");
}

const SQL_OP: Record<string, string> = { gt: ">", lt: "<", gte: ">=", lte: "<=" };
/** A cursor value as a parameter: an instant compared with a UTC `timestamp(3)` column, a uuid id. */
function sqlValue(field: string, v: CursorValue | bigint): Prisma.Sql {
  if (v instanceof Date) return Prisma.sql`${v.toISOString()}::timestamp(3)`;
  if (field === "id" && typeof v === "string") return Prisma.sql`${v}::uuid`;
  return Prisma.sql`${v}`;
}

/**
 * keysetOrderArgs's seek condition and order in SQL, for the lists whose page PostgreSQL writes as
 * JSON (issue 18): the same rows in the same order as the Prisma arguments. `column` names a field's
 * column (e.g. `c."name"`).
 */
export function keysetSql(args: ReturnType<typeof keysetOrderArgs>, column: (field: string) => Prisma.Sql): { seek: Prisma.Sql; orderBy: Prisma.Sql } {
  const nulls = (k: KeysetKey) => (k.nulls ? ` NULLS ${k.nulls.toUpperCase()}` : "");
  const idDir = args.keys[0]!.dir.toUpperCase();
  const orderBy = Prisma.join([...args.keys.map((k) => Prisma.sql`${column(k.field)} ${Prisma.raw(`${k.dir.toUpperCase()}${nulls(k)}`)}`), Prisma.sql`${column("id")} ${Prisma.raw(idDir)}`], ", ");
  return { seek: seekSql(args.seek, column), orderBy };
}

