import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/users/user.query";
import { inviteUserSchema, userListQuerySchema } from "@/lib/users/user.schema";
import { inviteUser } from "@/lib/users/user.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "user.read", query: userListQuerySchema }, ({ user, query }) => listUsers(db, user, query));

export const POST = apiRoute({ permission: "user.invite", body: inviteUserSchema }, async ({ user, body }) => created(await inviteUser(db, user, body)));
