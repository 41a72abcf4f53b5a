import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(["email", "-email", "lastLogin", "-lastLogin"]).default("email"),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: string;
  platforms: string[];
  active: boolean;
  lastLoginAt: string | null;
  totpEnabled: boolean;
  charterAccepted: boolean;
}
