-- Region scale (issue 8): trigram indexes for the job-seeker name search (every column the search
-- looks at), and the offer list filtered by state and contract type.
-- CreateIndex
CREATE INDEX "JobOffer_platformId_status_contractType_receivedAt_idx" ON "JobOffer"("platformId", "status", "contractType", "receivedAt");

-- CreateIndex
CREATE INDEX "JobSeeker_lastName_trgm_idx" ON "JobSeeker" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "JobSeeker_firstName_trgm_idx" ON "JobSeeker" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "JobSeeker_email_trgm_idx" ON "JobSeeker" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "JobSeeker_city_trgm_idx" ON "JobSeeker" USING GIN ("city" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "JobSeeker_franceTravailId_trgm_idx" ON "JobSeeker" USING GIN ("franceTravailId" gin_trgm_ops);
