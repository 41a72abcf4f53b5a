-- CreateEnum
CREATE TYPE "RefundOrderStatus" AS ENUM ('ISSUED', 'PAID', 'CANCELLED');

-- AlterTable
ALTER TABLE "SubsidyFile" ADD COLUMN     "ftBreach" TEXT,
ADD COLUMN     "ftMisusedCents" BIGINT;

-- AlterTable
ALTER TABLE "Tranche" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "claimedById" UUID;

-- CreateTable
CREATE TABLE "RefundOrder" (
    "id" UUID NOT NULL,
    "subsidyFileId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "issuedAt" DATE NOT NULL,
    "dueAt" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RefundOrderStatus" NOT NULL DEFAULT 'ISSUED',
    "paidAt" DATE,
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RefundOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RefundOrder_number_key" ON "RefundOrder"("number");

-- CreateIndex
CREATE INDEX "RefundOrder_subsidyFileId_idx" ON "RefundOrder"("subsidyFileId");

-- AddForeignKey
ALTER TABLE "RefundOrder" ADD CONSTRAINT "RefundOrder_subsidyFileId_fkey" FOREIGN KEY ("subsidyFileId") REFERENCES "SubsidyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
