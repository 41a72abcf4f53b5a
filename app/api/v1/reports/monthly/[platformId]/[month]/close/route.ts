import { apiRoute } from "@/lib/api/handler";
import { closeMonthSchema } from "@/lib/bilans/bilan.schema";
import { closeMonth } from "@/lib/bilans/bilan.service";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "bilan.close" }, async ({ user, params, requestId }) => {
  const parsed = closeMonthSchema.safeParse(params);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  return closeMonth(db, user, parsed.data, new Date(), requestId);
});
