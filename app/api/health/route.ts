import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Liveness and database readiness, without authentication. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", db: "ok", version: env.APP_VERSION });
  } catch (err) {
    logger.error({ err }, "health check: database unreachable");
    return NextResponse.json({ status: "degraded", db: "unreachable", version: env.APP_VERSION }, { status: 503 });
  }
}
