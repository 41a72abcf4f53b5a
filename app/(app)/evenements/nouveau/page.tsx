import type { Metadata } from "next";
import { EventForm } from "@/components/events/event-form";
import { requirePageUser } from "@/lib/auth/session";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nouvel événement" };

export default async function NewEventPage() {
  await requirePageUser("event.write");
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Nouvel événement circuit court</PageTitle>
      <EventForm />
    </div>
  );
}
