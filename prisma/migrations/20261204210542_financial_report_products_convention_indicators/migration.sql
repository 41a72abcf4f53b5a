-- Issue 22 §4 — compte rendu financier / indicateurs (convention cadre Région art. 7.3, art. 3.1 and 5).
-- FinancialReportProduct: the products of the financial report beside the charges (BudgetLine).
-- ConventionIndicator: the catalogue indicators a Région annual convention tracks, with their targets.

-- CreateTable
CREATE TABLE "FinancialReportProduct" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actualCents" BIGINT NOT NULL,
    "gapExplanation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinancialReportProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionIndicator" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "indicatorKey" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConventionIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FinancialReportProduct_subsidyFileId_kind_key" ON "FinancialReportProduct"("subsidyFileId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionIndicator_subsidyFileId_indicatorKey_key" ON "ConventionIndicator"("subsidyFileId", "indicatorKey");

-- AddForeignKey
ALTER TABLE "FinancialReportProduct" ADD CONSTRAINT "FinancialReportProduct_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionIndicator" ADD CONSTRAINT "ConventionIndicator_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing data: the objectives already entered for a platform and a year that has a Région file are
-- that convention's chosen indicators (same targets, same author, same dates). Moved, not copied: for
-- such a year the convention is the one place that holds the targets (lib/objectives/objective.service.ts).
INSERT INTO "ConventionIndicator" ("id", "subsidyFileId", "indicatorKey", "target", "version", "updatedById", "createdAt", "updatedAt")
SELECT gen_random_uuid(), f."id", o."indicatorKey", o."target", 1, o."updatedById", o."createdAt", o."updatedAt"
FROM "PlatformObjective" o
JOIN "SubsidyFile" f ON f."platformId" = o."platformId" AND f."year" = o."year" AND f."funder" = 'REGION';

DELETE FROM "PlatformObjective" o
USING "SubsidyFile" f
WHERE f."platformId" = o."platformId" AND f."year" = o."year" AND f."funder" = 'REGION';
