import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getJobSeeker } from "@/lib/job-seekers/job-seeker.query";
import { interactionInputSchema } from "@/lib/job-seekers/job-seeker.schema";
import { addInteraction } from "@/lib/job-seekers/job-seeker.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "jobSeeker.read" }, async ({ user, params, requestId }) => {
  // Reading the record first scopes the request (404 outside) and audits the access.
  const person = await getJobSeeker(db, user, params.id!, { purpose: "API : historique des échanges", requestId });
  const rows = await db.jobSeekerInteraction.findMany({ where: { jobSeekerId: person.id }, orderBy: { at: "desc" }, select: { id: true, kind: true, at: true, summary: true } });
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
});

export const POST = apiRoute({ permission: "jobSeeker.write", body: interactionInputSchema }, async ({ user, params, body, requestId }) =>
  created(await addInteraction(db, user, params.id!, body, { requestId })),
);
