-- AlterTable
ALTER TABLE "SubsidyFile" ADD COLUMN     "formalNoticeAt" DATE;

-- CreateTable
CREATE TABLE "Receipt" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "budgetLineId" UUID,
    "trancheId" UUID,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Receipt_subsidyFileId_idx" ON "Receipt"("subsidyFileId");

-- AddForeignKey
ALTER TABLE "Receipt" ADD CONSTRAINT "Receipt_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
