import { NextResponse } from "next/server";
import { withHsts } from "@/lib/api/handler";
import { buildOpenApi } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET() {
  return withHsts(NextResponse.json(buildOpenApi(env.APP_VERSION)));
}
