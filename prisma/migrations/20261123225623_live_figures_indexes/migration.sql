-- CreateIndex
CREATE INDEX "JobOffer_filledAt_idx" ON "JobOffer"("filledAt");

-- CreateIndex
CREATE INDEX "JobOffer_closedAt_idx" ON "JobOffer"("closedAt");

-- CreateIndex
CREATE INDEX "JobSeeker_createdAt_idx" ON "JobSeeker"("createdAt");
