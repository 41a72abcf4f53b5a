-- CreateEnum
CREATE TYPE "SireneImportStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "SireneEstablishment" (
    "siret" CHAR(14) NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "individualEntrepreneur" BOOLEAN NOT NULL DEFAULT false,
    "nafCode" VARCHAR(6),
    "headcountCode" VARCHAR(2),
    "employer" BOOLEAN,
    "headOffice" BOOLEAN NOT NULL DEFAULT false,
    "createdOn" DATE,
    "active" BOOLEAN NOT NULL,
    "addressLine" TEXT,
    "postalCode" VARCHAR(5),
    "city" TEXT,
    "inseeCode" VARCHAR(5) NOT NULL,
    "importId" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SireneEstablishment_pkey" PRIMARY KEY ("siret")
);

-- CreateTable
CREATE TABLE "SireneImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" BIGINT NOT NULL,
    "fileFingerprint" TEXT NOT NULL,
    "partial" BOOLEAN NOT NULL DEFAULT false,
    "status" "SireneImportStatus" NOT NULL DEFAULT 'RUNNING',
    "linesDone" INTEGER NOT NULL DEFAULT 0,
    "kept" INTEGER NOT NULL DEFAULT 0,
    "outsidePerimeter" INTEGER NOT NULL DEFAULT 0,
    "restricted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SireneImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProspectDismissal" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProspectDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SireneStaging" (
    "importId" UUID NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "individualEntrepreneur" BOOLEAN NOT NULL DEFAULT false,
    "nafCode" VARCHAR(6),
    "headcountCode" VARCHAR(2),
    "employer" BOOLEAN,
    "headOffice" BOOLEAN NOT NULL DEFAULT false,
    "createdOn" DATE,
    "active" BOOLEAN NOT NULL,
    "addressLine" TEXT,
    "postalCode" VARCHAR(5),
    "city" TEXT,
    "inseeCode" VARCHAR(5) NOT NULL,

    CONSTRAINT "SireneStaging_pkey" PRIMARY KEY ("importId","siret")
);

-- CreateIndex
CREATE INDEX "SireneEstablishment_inseeCode_active_idx" ON "SireneEstablishment"("inseeCode", "active");

-- CreateIndex
CREATE INDEX "SireneEstablishment_siren_idx" ON "SireneEstablishment"("siren");

-- CreateIndex
CREATE INDEX "SireneEstablishment_nafCode_idx" ON "SireneEstablishment"("nafCode");

-- CreateIndex
CREATE INDEX "SireneImport_status_startedAt_idx" ON "SireneImport"("status", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProspectDismissal_platformId_siret_key" ON "ProspectDismissal"("platformId", "siret");

-- CreateIndex
CREATE INDEX "SireneStaging_importId_siren_idx" ON "SireneStaging"("importId", "siren");

-- Staged rows are rebuilt from the file after a crash (the import resumes from its own checkpoint): no WAL needed.
ALTER TABLE "SireneStaging" SET UNLOGGED;
