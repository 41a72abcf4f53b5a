// Issue 23: the company picker of the public form « Vous recrutez ? » (no account). The SIRENE
// register's public data only (name, commune, SIRET), rate-limited per client address; nothing of
// any platform's records (lib/intake/register-search.service.ts).
import { NextResponse, type NextRequest } from "next/server";
import { withHsts } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors";
import { tooManyRequestsResponse } from "@/lib/intake/public-search.limit";
import { searchPublicRegister } from "@/lib/intake/register-search.service";
import { refSearchQuerySchema } from "@/lib/reference/reference.schema";
import { requestAddress } from "@/lib/security/client-address";

export const dynamic = "force-dynamic";

// HSTS (the application server leaves /api/v1 alone; issue 18).
export async function GET(request: NextRequest) {
  return withHsts(await answer(request));
}

async function answer(request: NextRequest) {
  const parsed = refSearchQuerySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success) return NextResponse.json({ error: { code: "VALIDATION_ERROR", message: parsed.error.issues[0]!.message } }, { status: 400 });
  try {
    const items = await searchPublicRegister(db, parsed.data.q, requestAddress((name) => request.headers.get(name)));
    return NextResponse.json({ items }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (e instanceof TooManyRequestsError) return tooManyRequestsResponse(e);
    throw e;
  }
}
