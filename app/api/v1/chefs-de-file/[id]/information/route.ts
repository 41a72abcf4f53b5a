// Issue 22 §2 (for chefs de file too): records that the chef de file was given the information notice
// in force (and sends it by e-mail when the channel is EMAIL). Région annex 1 art. 3.3.
import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { deliverOutboxSoon } from "@/lib/email/outbox.service";
import { informPerson } from "@/lib/notices/person-information.service";
import { informPersonSchema } from "@/lib/notices/notice.schema";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "chefDeFile.write", body: informPersonSchema }, async ({ user, params, body, requestId }) => {
  const result = await informPerson(db, user, "CHEF_DE_FILE", params.id!, body, { requestId });
  if (body.channel === "EMAIL") deliverOutboxSoon(db);
  return created(result);
});
