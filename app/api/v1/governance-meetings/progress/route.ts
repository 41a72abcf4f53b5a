import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { governanceProgressByPlatform } from "@/lib/governance/governance.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "governance.read" }, async ({ user }) => ({ items: await governanceProgressByPlatform(db, user) }));
