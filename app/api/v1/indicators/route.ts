import { apiRoute } from "@/lib/api/handler";
import { INDICATORS, INDICATORS_VERSION } from "@/lib/indicators/indicators";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "bilan.read" }, async () => ({ version: INDICATORS_VERSION, items: INDICATORS }));
