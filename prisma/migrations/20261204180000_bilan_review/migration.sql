-- Issue 17: the Région referent reviews (validates) the monthly bilans the platforms close.
-- The review is not part of a snapshot's frozen content: the immutability trigger lets these
-- columns change (it compares figures, month, platform, versions and closing only).
ALTER TABLE "MonthlySnapshot" ADD COLUMN "reviewedAt" TIMESTAMP(3), ADD COLUMN "reviewedById" UUID;
