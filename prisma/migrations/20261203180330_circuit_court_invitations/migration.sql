-- CreateEnum
CREATE TYPE "InvitationAnswer" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED');

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'SMS', 'LETTER');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('INVITATION', 'REMINDER', 'PROMOTION');

-- CreateEnum
CREATE TYPE "MessageState" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "attachments" JSONB;

-- CreateTable
CREATE TABLE "EventInvitation" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "jobSeekerId" UUID,
    "contactId" UUID,
    "answer" "InvitationAnswer" NOT NULL DEFAULT 'PENDING',
    "answeredAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationLink" (
    "id" UUID NOT NULL,
    "invitationId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvitationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationMessage" (
    "id" UUID NOT NULL,
    "invitationId" UUID NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "state" "MessageState" NOT NULL DEFAULT 'QUEUED',
    "outboxEmailId" UUID,
    "body" TEXT,
    "providerId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvitationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageOptOut" (
    "platformId" UUID NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "addressHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageOptOut_pkey" PRIMARY KEY ("platformId","channel","addressHash")
);

-- CreateTable
CREATE TABLE "InvitationTemplate" (
    "platformId" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvitationTemplate_pkey" PRIMARY KEY ("platformId","kind")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "EventInvitation_platformId_idx" ON "EventInvitation"("platformId");

-- CreateIndex
CREATE UNIQUE INDEX "EventInvitation_eventId_jobSeekerId_key" ON "EventInvitation"("eventId", "jobSeekerId");

-- CreateIndex
CREATE UNIQUE INDEX "EventInvitation_eventId_contactId_key" ON "EventInvitation"("eventId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationLink_tokenHash_key" ON "InvitationLink"("tokenHash");

-- CreateIndex
CREATE INDEX "InvitationLink_invitationId_idx" ON "InvitationLink"("invitationId");

-- CreateIndex
CREATE INDEX "InvitationMessage_providerId_idx" ON "InvitationMessage"("providerId");

-- CreateIndex
CREATE INDEX "InvitationMessage_outboxEmailId_idx" ON "InvitationMessage"("outboxEmailId");

-- CreateIndex
CREATE INDEX "InvitationMessage_state_channel_idx" ON "InvitationMessage"("state", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationMessage_invitationId_channel_dedupeKey_key" ON "InvitationMessage"("invitationId", "channel", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- AddForeignKey
ALTER TABLE "EventInvitation" ADD CONSTRAINT "EventInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "CircuitCourtEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventInvitation" ADD CONSTRAINT "EventInvitation_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventInvitation" ADD CONSTRAINT "EventInvitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "CompanyContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationLink" ADD CONSTRAINT "InvitationLink_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "EventInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationMessage" ADD CONSTRAINT "InvitationMessage_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "EventInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
