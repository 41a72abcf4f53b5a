import { NextResponse } from "next/server";
import { buildOpenApi } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json(buildOpenApi(env.APP_VERSION));
}
