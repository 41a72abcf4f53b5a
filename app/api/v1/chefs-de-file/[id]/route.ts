import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { idParam, versionQuerySchema } from "@/lib/api/params";
import { updateChefDeFileSchema } from "@/lib/chefs-de-file/chef-de-file.schema";
import { deleteChefDeFile, getChefDeFile, updateChefDeFile } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const NOT_FOUND = "Chef de file introuvable.";

export const GET = apiRoute({ permission: "chefDeFile.read" }, ({ user, params }) => getChefDeFile(db, user, idParam(params, NOT_FOUND)));

export const PATCH = apiRoute({ permission: "chefDeFile.write", body: updateChefDeFileSchema }, ({ user, params, body }) =>
  updateChefDeFile(db, user, idParam(params, NOT_FOUND), body),
);

export const DELETE = apiRoute({ permission: "chefDeFile.write", query: versionQuerySchema }, async ({ user, params, query }) => {
  await deleteChefDeFile(db, user, idParam(params, NOT_FOUND), query.version);
  return new NextResponse(null, { status: 204 });
});
