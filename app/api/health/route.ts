import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db-unavailable";
import { checkHealth } from "@/lib/health";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Liveness and database readiness, without authentication. */
export async function GET() {
  const { status, body } = await checkHealth(getDb(), env.APP_VERSION, logger);
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store", ...(status === 503 ? { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } : {}) } });
}
