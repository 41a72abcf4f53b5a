-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SubsidyStatus" ADD VALUE 'RETURNED';
ALTER TYPE "SubsidyStatus" ADD VALUE 'SIGNED';

-- AlterTable
ALTER TABLE "SubsidyFile" ADD COLUMN     "deliberationDate" DATE,
ADD COLUMN     "deliberationNumber" TEXT,
ADD COLUMN     "reviewerId" UUID;

-- CreateTable
CREATE TABLE "SubsidyFileEvent" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "transition" TEXT NOT NULL,
    "fromStatus" "SubsidyStatus" NOT NULL,
    "toStatus" "SubsidyStatus" NOT NULL,
    "comment" TEXT,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubsidyFileEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubsidyFileEvent_subsidyFileId_at_idx" ON "SubsidyFileEvent"("subsidyFileId", "at");

-- CreateIndex
CREATE INDEX "SubsidyFile_reviewerId_idx" ON "SubsidyFile"("reviewerId");

-- AddForeignKey
ALTER TABLE "SubsidyFile" ADD CONSTRAINT "SubsidyFile_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyFileEvent" ADD CONSTRAINT "SubsidyFileEvent_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyFileEvent" ADD CONSTRAINT "SubsidyFileEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
