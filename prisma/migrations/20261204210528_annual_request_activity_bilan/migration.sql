-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "overrideReason" TEXT;

-- AlterTable
ALTER TABLE "SubsidyFile" ADD COLUMN     "activityBilanReceivedAt" DATE,
ADD COLUMN     "requestActionProgramme" TEXT,
ADD COLUMN     "requestDescription" TEXT;
