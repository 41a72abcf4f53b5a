import type { z } from "zod";

type RawParams = Record<string, string | string[] | undefined>;

/** Parses page search params with a list schema; an invalid value falls back to the defaults. */
export function parseSearchParams<S extends z.ZodType>(schema: S, raw: RawParams): z.infer<S> {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(flat);
  return parsed.success ? parsed.data : schema.parse({});
}
