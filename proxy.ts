// Runs before every page request (Next.js 16 "proxy", Node.js runtime): per-request CSP nonce for
// pages, HSTS in production over https. See lib/security/headers.ts. The API under /api/v1 does not go
// through it (issue 18: a proxy run cost every API request Node CPU for a static header): its strict
// CSP is a static header (next.config.ts) and HSTS is set by lib/api/handler.ts and the few /api/v1
// routes outside apiRoute. The other /api routes (sign-in, health, callbacks, calendar) still do.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { API_CSP, HSTS, newNonce, pageCsp } from "@/lib/security/headers";
import { databaseOutagePage, pgProbe, type DatabaseProbe } from "@/lib/http/database-outage-page";

const HTTPS = env.NODE_ENV === "production" && (env.NEXTAUTH_URL ?? "").startsWith("https://");

// One probe per server (its state is kept per probe): the database the pages read.
const probe: DatabaseProbe | null = env.DATABASE_URL ? pgProbe(env.DATABASE_URL) : null;

export async function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  let response: NextResponse | Response;
  let csp: string;
  if (isApi) {
    csp = API_CSP;
    response = NextResponse.next();
  } else {
    const nonce = newNonce();
    csp = pageCsp({ nonce, dev: env.NODE_ENV === "development", https: HTTPS });
    // Issue 16: while the database does not answer, a page is a French 503, not a 500.
    const outage = await databaseOutagePage(request.nextUrl.pathname, nonce, probe);
    if (outage) {
      outage.headers.set("Content-Security-Policy", csp);
      if (HTTPS) outage.headers.set("Strict-Transport-Security", HSTS);
      return outage;
    }
    // Next.js reads the nonce from the request's CSP header while rendering and puts it on its scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (HTTPS) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api/v1/… (see above); every other path, /api/auth and /api/health included.
      source: "/((?!api/v1/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
