-- CreateEnum
CREATE TYPE "TableExportStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "PlatformObjective" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "indicatorKey" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformObjective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "qualitative" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TableExport" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "list" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "status" "TableExportStatus" NOT NULL DEFAULT 'PENDING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "filename" TEXT,
    "storageKey" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TableExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformObjective_platformId_year_indicatorKey_key" ON "PlatformObjective"("platformId", "year", "indicatorKey");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReport_platformId_year_key" ON "AnnualReport"("platformId", "year");

-- CreateIndex
CREATE INDEX "TableExport_userId_createdAt_idx" ON "TableExport"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "TableExport_expiresAt_idx" ON "TableExport"("expiresAt");

-- AddForeignKey
ALTER TABLE "PlatformObjective" ADD CONSTRAINT "PlatformObjective_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
