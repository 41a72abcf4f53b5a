import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { idParam, versionQuerySchema } from "@/lib/api/params";
import { db } from "@/lib/db";
import { updateGovernanceSchema } from "@/lib/governance/governance.schema";
import { deleteGovernanceMeeting, getGovernanceMeeting, updateGovernanceMeeting } from "@/lib/governance/governance.service";

export const dynamic = "force-dynamic";

const NOT_FOUND = "Réunion introuvable.";

export const GET = apiRoute({ permission: "governance.read" }, ({ user, params }) => getGovernanceMeeting(db, user, idParam(params, NOT_FOUND)));

export const PATCH = apiRoute({ permission: "governance.write", body: updateGovernanceSchema }, ({ user, params, body }) =>
  updateGovernanceMeeting(db, user, idParam(params, NOT_FOUND), body),
);

export const DELETE = apiRoute({ permission: "governance.write", query: versionQuerySchema }, async ({ user, params, query }) => {
  await deleteGovernanceMeeting(db, user, idParam(params, NOT_FOUND), query.version);
  return new NextResponse(null, { status: 204 });
});
