-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('JOB_SEEKER', 'COMPANY_CONTACT', 'CHEF_DE_FILE', 'FRANCE_TRAVAIL', 'CONFIDENTIALITY');

-- AlterTable
ALTER TABLE "BreachRecord" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN     "ftInformedAt" TIMESTAMP(3),
ADD COLUMN     "ftInformedNoticeVersion" INTEGER,
ADD COLUMN     "informedNoticeVersion" INTEGER;

-- AlterTable
ALTER TABLE "Platform" ADD COLUMN     "dpoContact" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "charterVersion" INTEGER;

-- CreateTable
CREATE TABLE "NoticeText" (
    "id" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditChainAnchor" (
    "id" UUID NOT NULL,
    "upToId" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "removed" INTEGER NOT NULL,
    "runId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeText_kind_version_key" ON "NoticeText"("kind", "version");

-- CreateIndex
CREATE INDEX "AuditChainAnchor_upToId_idx" ON "AuditChainAnchor"("upToId");
