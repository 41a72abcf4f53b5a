-- AlterEnum
ALTER TYPE "RightsRequestKind" ADD VALUE 'AUTHORITY';

-- AlterTable
ALTER TABLE "BreachRecord" ADD COLUMN     "concernsFranceTravail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "franceTravailNotifiedAt" TIMESTAMP(3),
ADD COLUMN     "recordedByPlatform" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "chefDeFileId" UUID,
ADD COLUMN     "companyContactId" UUID,
ADD COLUMN     "concernsFranceTravail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "franceTravailForwardedAt" TIMESTAMP(3),
ADD COLUMN     "recordedByPlatform" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SubsidyFile" ADD COLUMN     "ftDataDestroyedAt" TIMESTAMP(3),
ADD COLUMN     "fundingRateBp" INTEGER;

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_companyContactId_fkey" FOREIGN KEY ("companyContactId") REFERENCES "CompanyContact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_chefDeFileId_fkey" FOREIGN KEY ("chefDeFileId") REFERENCES "ChefDeFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
