-- CreateTable
CREATE TABLE "ProspectScore" (
    "platformId" UUID NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "matchingSeekers" INTEGER NOT NULL,
    "distanceKm" DOUBLE PRECISION,
    "reasons" TEXT[],
    "ruleSetVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProspectScore_pkey" PRIMARY KEY ("platformId","siret")
);

-- CreateIndex
CREATE INDEX "ProspectScore_platformId_score_siret_idx" ON "ProspectScore"("platformId", "score" DESC, "siret");
