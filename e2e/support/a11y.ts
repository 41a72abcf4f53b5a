// One accessibility rule for every spec: no axe violation of WCAG 2.1 A/AA, whatever its impact
// (minor and moderate included). Assert with `expect(await axeViolations(page)).toEqual([])`.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The violations on the page as readable lines (rule, impact, help, offending elements); empty when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return r.violations.map((v) => `${page.url()} ${v.id} [${v.impact}]: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
