-- AlterTable
ALTER TABLE "BreachRecord" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "peopleCategories" TEXT[];

-- AlterTable
ALTER TABLE "JobSeeker" ADD COLUMN     "restrictedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "channel" TEXT,
ADD COLUMN     "controllerOrderAt" TIMESTAMP(3),
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "executedAt" TIMESTAMP(3),
ADD COLUMN     "requesterContact" TEXT;

-- CreateTable
CREATE TABLE "JobSeekerRevision" (
    "id" UUID NOT NULL,
    "jobSeekerId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "changedFields" TEXT[],
    "before" JSONB NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobSeekerRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobSeekerRevision_jobSeekerId_version_idx" ON "JobSeekerRevision"("jobSeekerId", "version");

-- AddForeignKey
ALTER TABLE "JobSeekerRevision" ADD CONSTRAINT "JobSeekerRevision_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE CASCADE ON UPDATE CASCADE;
