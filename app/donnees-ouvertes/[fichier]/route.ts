// Open data of the conventions (décret 2017-779), public by nature: no login, stable URLs
// /donnees-ouvertes/subventions.csv and /donnees-ouvertes/subventions.json, SCDL « subventions »
// (version in SCDL_VERSION). Last-Modified is the latest change of what the rows are made of;
// If-Modified-Since answers 304.
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { scdlJsonDocument, toScdlCsv } from "@/lib/subsidy/subsidy-compliance.rules";
import { publicOpenData } from "@/lib/subsidy/subsidy-compliance.service";

export const dynamic = "force-dynamic";

const FILES = {
  "subventions.csv": "text/csv; charset=utf-8",
  "subventions.json": "application/json; charset=utf-8",
} as const;

export async function GET(req: NextRequest, ctx: { params: Promise<{ fichier: string }> }) {
  const { fichier } = await ctx.params;
  if (!Object.hasOwn(FILES, fichier)) return new NextResponse("Fichier inconnu.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const name = fichier as keyof typeof FILES;
  const set = await publicOpenData(db);
  // HTTP dates have a one-second resolution.
  const modified = new Date(Math.floor(set.lastModified.getTime() / 1000) * 1000);
  const headers = { "last-modified": modified.toUTCString(), "cache-control": "public, max-age=300" };
  const since = Date.parse(req.headers.get("if-modified-since") ?? "");
  if (!Number.isNaN(since) && modified.getTime() <= since) return new NextResponse(null, { status: 304, headers });
  const body = name === "subventions.csv" ? toScdlCsv(set.records) : JSON.stringify(scdlJsonDocument(set.records));
  return new NextResponse(body, { headers: { ...headers, "content-type": FILES[name] } });
}
