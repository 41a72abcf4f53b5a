import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { actualLineSchema, updateBudgetLineSchema } from "@/lib/subsidy/subsidy-file.schema";
import { deleteBudgetLine, updateBudgetLine } from "@/lib/subsidy/subsidy-file.service";
import { recordActualExpense } from "@/lib/subsidy/subsidy-workflow.service";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** Either the forecast (draft or sent back) or the actual expense (signed convention) of a line. */
const patchSchema = z.union([updateBudgetLineSchema, actualLineSchema]);

export const PATCH = apiRoute({ permission: "subsidy.write", body: patchSchema }, async ({ user, params, body }) => {
  if ("forecastCents" in body) await updateBudgetLine(db, user, params.id!, params.lineId!, body);
  else await recordActualExpense(db, user, params.id!, params.lineId!, body);
  return new NextResponse(null, { status: 204 });
});

export const DELETE = apiRoute({ permission: "subsidy.write" }, async ({ user, params }) => {
  if (!params.lineId) throw new NotFoundError();
  await deleteBudgetLine(db, user, params.id!, params.lineId);
  return new NextResponse(null, { status: 204 });
});
