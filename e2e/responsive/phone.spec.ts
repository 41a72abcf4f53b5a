// Issue 14 §5 — every page of the route inventory (tests/support/route-inventory.ts) at 390×844 for
// an assistant, a manager and a referent: the document never scrolls sideways (wide tables scroll in
// their own box), and one screenshot per page goes to the test artefacts.
import { expect, test } from "@playwright/test";
import { can, type Action } from "../../lib/authz/policy";
import type { Role } from "../../lib/generated/prisma/enums";
import { listPages } from "../../tests/support/route-inventory";
import { ACCOUNTS } from "../support/accounts";
import { loginViaHttp } from "../support/auth";
import { platformId, withDb } from "../security/fixtures";
import { resolveIds } from "../security/ids";

test.describe.configure({ mode: "parallel" });
// A 390 px wide window, not `isMobile`: mobile emulation zooms out to fit a too-wide page, which
// would hide the very overflow this test looks for.
test.use({ viewport: { width: 390, height: 844 } });

/** Pages for signed-out visitors (login, password links) are not part of the signed-in shell. */
const SIGNED_IN_PAGES = listPages().filter((p) => p.action !== "public" || p.path === "/docs/api");
const CALLERS = ["assistantLens", "managerLens", "referent"] as const;

for (const caller of CALLERS) {
  test(`390×844 : aucune page ne défile horizontalement (${caller})`, async ({ page }, info) => {
    test.setTimeout(600_000);
    const account = ACCOUNTS[caller];
    const principal = { id: "x", role: account.role as Role, allPlatforms: false, platformIds: [] };
    const pages = SIGNED_IN_PAGES.filter((p) => p.action === "public" || can(principal, p.action as Action));
    const urls = await withDb(async (c) => {
      const lens = await platformId(c, "Lens-Liévin");
      const out: string[] = [];
      for (const p of pages) out.push((await resolveIds(c, p.path, lens)).url);
      return out;
    });
    expect(await loginViaHttp(page.request, account.email)).toBeLessThan(400);
    const wide: string[] = [];
    for (const [i, url] of urls.entries()) {
      const res = await page.goto(url);
      const status = res?.status() ?? 0;
      expect(status, url).toBeLessThan(500);
      const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (m.scroll > m.inner) {
        // Name the deepest elements that stick out, to make the failure actionable.
        const culprits = await page.evaluate(() => {
          const out: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>("body *")) {
            if (el.getBoundingClientRect().right <= window.innerWidth + 1 || el.closest("[role=region][tabindex]")) continue;
            if ([...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1)) continue;
            out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")}`);
            if (out.length >= 3) break;
          }
          return out.join(", ");
        });
        wide.push(`${pages[i]!.path} (${status}) : ${m.scroll} px > ${m.inner} px — ${culprits}`);
      }
      const name = pages[i]!.path.replace(/^\//, "").replace(/[^a-zA-Z0-9-]+/g, "_") || "accueil";
      await page.screenshot({ path: info.outputPath(`${caller}-${name}.png`) });
    }
    expect(wide, `pages plus larges que l'écran pour ${caller}`).toEqual([]);
  });
}
