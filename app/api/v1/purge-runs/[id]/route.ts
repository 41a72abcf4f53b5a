import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findPurgeRun } from "@/lib/retention/purge-run.query";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "purge.read" }, async ({ user, params }) => {
  const id = z.string().uuid().safeParse(params.id);
  if (!id.success) throw new NotFoundError();
  return findPurgeRun(db, user, id.data);
});
