// One accessibility rule for every spec: no axe violation of WCAG 2.1 A/AA, whatever its impact
// (minor and moderate included). Assert with `expect(await axeViolations(page)).toEqual([])`.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The violations on the page as readable lines (rule, impact, help, offending elements); empty when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  // After an in-app navigation, Next.js puts the new page's <title> in place with its metadata, which
  // may come after the heading a test waits for: axe then saw a document without a title (CI run of
  // 02:35 UTC, load 10, rights.spec.ts). Wait for it; a page that never gets one still fails, here.
  await expect.poll(() => page.title(), { message: `${page.url()} : la page n'a pas de <title>` }).not.toBe("");
  const r = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return r.violations.map((v) => `${page.url()} ${v.id} [${v.impact}]: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
