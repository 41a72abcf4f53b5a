// Rasterises public/icon.svg into the favicon and app icons of public/ (issue 14 §6) with the
// Chromium the e2e tests use: `npx tsx scripts/make-icons.ts`. The PNGs are committed; run it again
// only after changing the SVG. favicon.ico holds PNG images (allowed by the ICO format since Vista).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { print } from "@/scripts/lib/print";

const PUBLIC = path.resolve(import.meta.dirname, "../public");
const svg = readFileSync(path.join(PUBLIC, "icon.svg"), "utf8");

function ico(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

async function main() {
  // The path is the only configuration of this developer script (same default as playwright.config.ts).
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  const page = await browser.newPage();
  const render = async (size: number) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  const out: Record<string, number> = { "icon-512.png": 512, "icon-192.png": 192, "apple-touch-icon.png": 180 };
  for (const [name, size] of Object.entries(out)) writeFileSync(path.join(PUBLIC, name), await render(size));
  const small = [];
  for (const size of [16, 32, 48]) small.push({ size, data: await render(size) });
  writeFileSync(path.join(PUBLIC, "favicon.ico"), ico(small));
  await browser.close();
  print("icônes écrites dans public/");
}

void main();
