// Issue 22 §2: records that the person was given the information notice in force (and sends it by
// e-mail when the channel is EMAIL). Région annex 1 art. 3.3; France Travail convention art. 11.
import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { deliverOutboxSoon } from "@/lib/email/outbox.service";
import { informJobSeeker } from "@/lib/notices/information.service";
import { informJobSeekerSchema } from "@/lib/notices/notice.schema";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "jobSeeker.write", body: informJobSeekerSchema }, async ({ user, params, body, requestId }) => {
  const result = await informJobSeeker(db, user, params.id!, body, { requestId });
  if (body.channel === "EMAIL") deliverOutboxSoon(db);
  return created(result);
});
