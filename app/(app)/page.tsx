import type { Metadata } from "next";
import { FigureCards } from "@/components/home/figure-cards";
import { MyDayPanel } from "@/components/home/my-day";
import { DpoHomePanel, FinanceHomePanel, ReferentHomePanel } from "@/components/home/region-home";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { homeFigures } from "@/lib/home/home.service";
import { myDay } from "@/lib/home/my-day.service";
import { dpoHome, financeHome, referentHome } from "@/lib/home/region-home.service";
import { ROLE_LABELS } from "@/lib/nav";

export const metadata: Metadata = { title: "Accueil" };

/** Roles whose home is "Ma journée": the platform staff who work the queues every day. */
const MY_DAY_ROLES = new Set(["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"]);

export default async function HomePage() {
  const user = await requirePageUser("home.view");
  const now = new Date();
  const [figures, day, referent, finance, dpo] = await Promise.all([
    homeFigures(db, user, now),
    MY_DAY_ROLES.has(user.role) ? myDay(db, user, now) : null,
    user.role === "REGION_REFERENT" ? referentHome(db, user, now) : null,
    user.role === "REGION_FINANCE" ? financeHome(db, user, now) : null,
    user.role === "DPO" ? dpoHome(db, user, now) : null,
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Bonjour {user.firstName}</h1>
        <p className="text-muted" data-testid="home-role">
          Espace {ROLE_LABELS[user.role]}
        </p>
      </div>
      {referent ? <ReferentHomePanel home={referent} /> : null}
      {finance ? <FinanceHomePanel home={finance} /> : null}
      {dpo ? <DpoHomePanel home={dpo} /> : null}
      <FigureCards figures={figures} />
      {day ? <MyDayPanel day={day} canLogVisit={can(user, "visit.write")} /> : null}
    </div>
  );
}
