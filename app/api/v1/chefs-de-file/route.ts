import { apiRoute, created } from "@/lib/api/handler";
import { chefDeFileInputSchema, chefDeFileListQuerySchema } from "@/lib/chefs-de-file/chef-de-file.schema";
import { createChefDeFile, listChefsDeFile } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "chefDeFile.read", query: chefDeFileListQuerySchema }, ({ user, query }) => listChefsDeFile(db, user, query));

export const POST = apiRoute({ permission: "chefDeFile.write", body: chefDeFileInputSchema }, async ({ user, body }) => created(await createChefDeFile(db, user, body)));
