import { apiRoute } from "@/lib/api/handler";
import { closeMonthSchema, reopenBodySchema } from "@/lib/bilans/bilan.schema";
import { reopenMonth } from "@/lib/bilans/bilan.service";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "bilan.reopen", body: reopenBodySchema }, async ({ user, params, body, requestId }) => {
  const parsed = closeMonthSchema.safeParse(params);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  return reopenMonth(db, user, { ...parsed.data, reason: body.reason }, new Date(), requestId);
});
