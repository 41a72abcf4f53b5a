// A staff member's private calendar feed (ICS). Public route: the secret in the URL is the
// credential (revocable from « Mon profil »); an unknown or revoked secret gets a French 404.
import { NextResponse, type NextRequest } from "next/server";
import { calendarFeedIcs } from "@/lib/calendar/feed.service";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest): Promise<NextResponse> {
  try {
    const ics = await calendarFeedIcs(db, req.nextUrl.searchParams.get("jeton") ?? "");
    if (!ics) return NextResponse.json({ error: { code: "NOT_FOUND", message: "Agenda introuvable : ce lien a été révoqué ou n'est pas valide." } }, { status: 404 });
    return new NextResponse(ics, { headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store", "referrer-policy": "no-referrer" } });
  } catch (err) {
    logger.error({ err }, "calendar feed failed");
    return NextResponse.json({ error: { code: "UNAVAILABLE", message: "Agenda momentanément indisponible. Réessayez plus tard." } }, { status: 503 });
  }
}
