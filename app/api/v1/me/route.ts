import { apiRoute } from "@/lib/api/handler";
import type { MeResponse } from "@/lib/me/me.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "profile.view" }, async ({ user }): Promise<MeResponse> => ({
  email: user.email,
  role: user.role,
  platforms: user.platforms,
}));
