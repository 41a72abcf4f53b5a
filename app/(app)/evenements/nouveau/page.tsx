import type { Metadata } from "next";
import { EventForm } from "@/components/events/event-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvel événement" };

export default async function NewEventPage() {
  await requirePageUser("event.write");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Nouvel événement circuit court</h1>
      <EventForm />
    </div>
  );
}
