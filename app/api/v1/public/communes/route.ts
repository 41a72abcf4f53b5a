// Issue 23: the commune picker of the public intake forms (no account). INSEE reference data only
// (name, INSEE code, postal codes): nothing personal, nothing of any platform's records.
// Rate-limited per client address like the register search (OPERATIONS rule set
// `publicIntake.communeSearchesPerIp`; lib/intake/public-search.limit.ts): French 429 with Retry-After.
import { NextResponse, type NextRequest } from "next/server";
import { withHsts } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors";
import { assertPublicSearchAllowed, tooManyRequestsResponse } from "@/lib/intake/public-search.limit";
import { searchCommunes } from "@/lib/reference/reference.query";
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
    await assertPublicSearchAllowed(db, "communes", requestAddress((name) => request.headers.get(name)));
  } catch (e) {
    if (e instanceof TooManyRequestsError) return tooManyRequestsResponse(e);
    throw e;
  }
  return NextResponse.json({ items: await searchCommunes(db, parsed.data.q) }, { headers: { "Cache-Control": "public, max-age=3600" } });
}
