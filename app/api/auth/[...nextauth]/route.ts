import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { BODY_LIMITS, readBodyLimited } from "@/lib/api/body-limit";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";

const handler = NextAuth(authOptions);

/**
 * next-auth's forms are a few hundred bytes: a larger body is refused with a French 413 before it is
 * read whole (issue 16 §11); the body read within the limit is handed to next-auth unchanged.
 */
async function post(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  let bytes: Buffer;
  try {
    bytes = await readBodyLimited(req, BODY_LIMITS.auth);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return NextResponse.json({ error: { code: err.code, message: err.message } }, { status: err.status, headers: { "cache-control": "no-store" } });
  }
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  const again = new NextRequest(req.nextUrl, { method: req.method, headers, body: bytes.length ? new Uint8Array(bytes) : null });
  return (handler as (r: NextRequest, c: typeof ctx) => Promise<Response>)(again, ctx);
}

export { handler as GET, post as POST };
