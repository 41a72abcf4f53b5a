// Tables whose rows are cards on a phone (components/ui/table.tsx `stackClass`, app/globals.css):
// each cell's column name is its `::before` label. A label may wrap between words, never inside one
// (« positionneme / nt »): Chromium on Linux has no French hyphenation dictionary, so the label's box
// must be at least as wide as its longest word.
import type { Page } from "@playwright/test";

/**
 * The labels of the page's stacked cells that are narrower than one of their words, one line each
 * (« label » : word width > label width); empty when every word fits. `labelled`: how many visible
 * labelled cells were measured, so that a caller can tell an empty list from a passing one.
 */
export async function labelsBrokenInWords(page: Page): Promise<{ labelled: number; broken: string[] }> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    // A word is measured in an off-screen span set in the label's own font: the same text layout as
    // the label (kerning, ligatures), to the layout unit.
    const probe = document.createElement("span");
    probe.style.cssText = "position:absolute;left:-10000px;top:0;visibility:hidden;white-space:nowrap;padding:0;border:0";
    document.body.append(probe);
    const broken = new Set<string>();
    let labelled = 0;
    try {
      for (const td of document.querySelectorAll<HTMLElement>("table.table-stack td[data-label]")) {
        if (td.getClientRects().length === 0) continue;
        const before = getComputedStyle(td, "::before");
        if (before.content === "none" || before.display === "none") continue;
        labelled++;
        // The used width of the label's box (getComputedStyle gives it for a rendered pseudo-element),
        // less what is not room for text.
        const px = (v: string) => parseFloat(v) || 0;
        let room = px(before.width);
        if (before.boxSizing === "border-box") {
          room -= px(before.paddingLeft) + px(before.paddingRight) + px(before.borderLeftWidth) + px(before.borderRightWidth);
        }
        for (const prop of ["fontFamily", "fontSize", "fontWeight", "fontStyle", "fontStretch", "fontVariant", "fontFeatureSettings", "fontKerning", "letterSpacing", "wordSpacing", "textTransform"] as const) {
          probe.style[prop] = before[prop];
        }
        // Words: between spaces, and after a hyphen (« e-mail » may wrap after « e- », a proper break).
        for (const word of td.dataset.label!.split(/\s+|(?<=-)/).filter(Boolean)) {
          probe.textContent = word;
          const need = probe.getBoundingClientRect().width;
          // 0.02 px: layout rounds text widths to 1/64 px.
          if (need > room + 0.02) broken.add(`« ${td.dataset.label} » : « ${word} » demande ${need.toFixed(1)} px, le libellé a ${room.toFixed(1)} px`);
        }
      }
    } finally {
      probe.remove();
    }
    return { labelled, broken: [...broken] };
  });
}
