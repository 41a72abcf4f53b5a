import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { getJobSeeker, listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { createJobSeekerSchema, jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import { createJobSeeker } from "@/lib/job-seekers/job-seeker.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "jobSeeker.read", query: jobSeekerListQuerySchema }, ({ user, query, requestId }) =>
  listJobSeekers(db, user, query, { purpose: "API : liste des demandeurs d'emploi", requestId }),
);

export const POST = apiRoute({ permission: "jobSeeker.write", body: createJobSeekerSchema }, async ({ user, body, requestId }) => {
  const r = await createJobSeeker(db, user, body, { requestId });
  if (r.status === "DUPLICATES") {
    // The ids let the caller open the existing records; resend with confirmNotDuplicate: true to create anyway.
    throw new ConflictError("Cette personne existe probablement déjà (doublon probable).", { duplicates: r.duplicates.map((d) => d.id) });
  }
  return created(await getJobSeeker(db, user, r.id, { purpose: "API : fiche créée renvoyée à l'appelant", requestId }));
});
