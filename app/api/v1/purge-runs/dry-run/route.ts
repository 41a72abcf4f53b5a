import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { startDryRun } from "@/lib/retention/purge-run.query";
import { dryRunBodySchema } from "@/lib/retention/purge-run.schema";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "purge.run", body: dryRunBodySchema }, async ({ user }) => created(await startDryRun(db, user)));
