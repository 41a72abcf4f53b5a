import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Moves the focus with the Tab key only until `target` has it, proving the control is reachable
 * by keyboard in the page's focus order (no mouse, no programmatic focus).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  const handle = await target.elementHandle();
  expect(handle, "élément introuvable").not.toBeNull();
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await handle!.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Élément non atteint au clavier après ${maxPresses} tabulations`);
}
