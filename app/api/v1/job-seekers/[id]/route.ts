import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getJobSeeker, getJobSeekerJson } from "@/lib/job-seekers/job-seeker.query";
import { updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { updateJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { z } from "zod";

export const dynamic = "force-dynamic";

const purposeQuery = z.object({ purpose: z.string().trim().min(3).max(200).optional() });

// The record's JSON is written by PostgreSQL (issue 18: Node CPU per request); same bytes as NextResponse.json.
export const GET = apiRoute({ permission: "jobSeeker.read", query: purposeQuery }, async ({ user, params, query, requestId }) =>
  new NextResponse(await getJobSeekerJson(db, user, params.id!, { purpose: query.purpose ? `API : ${query.purpose}` : "API : lecture de la fiche", requestId }), {
    headers: { "content-type": "application/json" },
  }),
);

export const PATCH = apiRoute({ permission: "jobSeeker.write", body: updateJobSeekerSchema }, async ({ user, params, body, requestId }) => {
  await updateJobSeeker(db, user, params.id!, body, { requestId });
  return getJobSeeker(db, user, params.id!, { purpose: "API : fiche modifiée renvoyée à l'appelant", requestId });
});
