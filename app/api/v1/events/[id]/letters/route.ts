import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { peopleSchema } from "@/lib/events/invitation.schema";
import { issueLetters } from "@/lib/events/invitation.service";
import { lettersPdf } from "@/lib/events/letters.pdf";
import { isoCalendarDay, parisDay } from "@/lib/paris-day";

export const dynamic = "force-dynamic";

/** Convocation letters: one PDF, one A4 page per person, each with a fresh personal answer link; named after the event's day in Paris. */
export const POST = apiRoute({ permission: "event.write", body: peopleSchema }, async ({ user, params, body, requestId }) => {
  const now = new Date();
  const { event, pages } = await issueLetters(db, user, params.id!, body, { requestId }, now);
  const pdf = await lettersPdf({ platform: event.platform, event, pages, printedAt: now });
  return new NextResponse(Buffer.from(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="convocations-${isoCalendarDay(parisDay(event.date))}.pdf"` },
  });
});
