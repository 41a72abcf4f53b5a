// One timed SIRENE import in its own process, so that its peak memory is the loader's alone
// (called by scripts/bench/sirene.ts; prints one JSON line).
import { performance } from "node:perf_hooks";
import { importSirene } from "@/lib/sirene/sirene-import.service";

const [url, file] = process.argv.slice(2);
const t = performance.now();
const r = await importSirene(url!, { file: file! });
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMb: Math.round(process.resourceUsage().maxRSS / 1024), report: { ...r, errors: r.errors.length } }) + "\n");
