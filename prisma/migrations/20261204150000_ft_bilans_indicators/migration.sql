-- Issue 22 §3: France Travail convention art. 5 (bilans, budget update, porteur's indicators).
ALTER TABLE "SubsidyFile" ADD COLUMN "ftStepsDone" TEXT, ADD COLUMN "ftStepsAhead" TEXT;
ALTER TABLE "BudgetLine" ADD COLUMN "updatedForecastCents" BIGINT;

CREATE TABLE "FtIndicator" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT,
    "definition" TEXT,
    "target" DECIMAL(14,2),
    "intermediateValue" DECIMAL(14,2),
    "finalValue" DECIMAL(14,2),
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "FtIndicator_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "FtIndicator_subsidyFileId_position_idx" ON "FtIndicator"("subsidyFileId", "position");
ALTER TABLE "FtIndicator" ADD CONSTRAINT "FtIndicator_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
