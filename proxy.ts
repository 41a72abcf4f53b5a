// Runs before every request (Next.js 16 "proxy", Node.js runtime): per-request CSP nonce for pages,
// strict CSP for the API, HSTS in production over https. See lib/security/headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { API_CSP, HSTS, newNonce, pageCsp } from "@/lib/security/headers";

const HTTPS = env.NODE_ENV === "production" && (env.NEXTAUTH_URL ?? "").startsWith("https://");

export function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  let response: NextResponse;
  let csp: string;
  if (isApi) {
    csp = API_CSP;
    response = NextResponse.next();
  } else {
    const nonce = newNonce();
    csp = pageCsp({ nonce, dev: env.NODE_ENV === "development", https: HTTPS });
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
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
