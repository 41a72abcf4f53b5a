import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchJobSeekerOptions } from "@/lib/job-seekers/job-seeker-picker";
import { jobSeekerPickerQuerySchema } from "@/lib/reference/reference.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "jobSeeker.read", query: jobSeekerPickerQuerySchema }, async ({ user, query, requestId }) => ({
  items: await searchJobSeekerOptions(db, user, query.q, query.platformId, requestId),
}));
