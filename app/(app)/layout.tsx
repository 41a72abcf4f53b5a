import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("home.view");
  // The confidentiality commitment comes before any screen of the application.
  if (!user.charterAccepted) redirect("/charte");
  return <AppShell user={user}>{children}</AppShell>;
}
