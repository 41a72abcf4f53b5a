import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { hasNul } from "@/lib/validation";

type RawParams = Record<string, string | string[] | undefined>;

/** Parses page search params with a list schema; an invalid value falls back to the defaults. */
export function parseSearchParams<S extends z.ZodType>(schema: S, raw: RawParams): z.infer<S> {
  // A value holding U+0000 is left out like an empty one: PostgreSQL cannot compare text holding it.
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([k, v]) => v !== undefined && v !== "" && !hasNul(k!) && !hasNul(v)));
  const parsed = schema.safeParse(flat);
  return parsed.success ? parsed.data : schema.parse({});
}

/** What a list page says when the cursor of its address cannot be read (it shows the first page instead). */
export const CURSOR_RESET_NOTICE = "Le lien de pagination n'est plus valable (liste ou tri différent, adresse modifiée) : voici la première page.";

interface CursorParams {
  after?: string;
  before?: string;
  last?: boolean;
  page?: number;
}

/**
 * A keyset list page's read (lib/pagination/keyset.ts): a cursor the list refuses — forged, truncated,
 * from another list or another sort — answers the API with a French 400, but a page of the
 * application shows the list's first page, same filters, with CURSOR_RESET_NOTICE, not an error page.
 */
export async function readListPage<Q extends CursorParams, R>(q: Q, read: (q: Q) => Promise<R>): Promise<{ result: R; q: Q; notice: string | null }> {
  try {
    return { result: await read(q), q, notice: null };
  } catch (e) {
    if (!(e instanceof ValidationError) || !(e.fields?.after || e.fields?.before) || !(q.after || q.before)) throw e;
    const first = { ...q, after: undefined, before: undefined, last: undefined, page: 1 };
    return { result: await read(first), q: first, notice: CURSOR_RESET_NOTICE };
  }
}
