// Bank generation benchmark: the real pack, and synthetic packs at 10× and 100× its facts
// (see synthetic.ts for how they are grown).
//
//   node --import tsx bench/bank.ts                     all three sizes, prints the result (npm run bench
//                                                       keeps it in bench/results.json)
//   node --import tsx bench/bank.ts --only=1,10
//   node --import tsx bench/bank.ts --rounds=1           quicker, noisier
//
// Each size is generated once as a warm-up (reported as `firstMs`: the cost of a one-off run
// such as `npm run bank:export`, with the JIT still cold), then timed over several runs; the
// median is the figure the targets are checked against. The timed runs are taken in rounds that
// visit every size (each round: 5 runs of 1×, 2 of 10×, 1 of 100×), so that a change in the
// machine's load while the benchmark runs weighs on all sizes alike rather than on one.
// Targets: the real pack in ≤ 1 s, and near-linear cost: 100× the facts in ≤ 150 × its time.
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { Pack } from "@/lib/core/content/schema";
import { generateBank } from "@/lib/core/generate";
import { readPacks } from "@/lib/server/content/read-packs";
import { emit, runMain } from "./lib/util";
import { syntheticPack } from "./synthetic";

const TARGETS = { realMs: 1000, ratio100: 150 };
/** Timed runs of each size per round. */
const PER_ROUND: Record<number, number> = { 1: 5, 10: 2, 100: 1 };

interface SizeResult {
  facts: number;
  questions: number;
  firstMs: number;
  medianMs: number;
  runs: number;
  /** SHA-256 of the bank as JSON: equal before and after a change means the output did not move. */
  sha256: string;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function time(pack: Pack) {
  const start = performance.now();
  const bank = generateBank([pack]);
  return { ms: performance.now() - start, bank };
}

/** The warm-up run, summed up (its bank is not kept: a large one would slow the runs after it). */
function warmUp(pack: Pack) {
  const { ms, bank } = time(pack);
  return { ms, questions: bank.length, sha256: createHash("sha256").update(JSON.stringify(bank)).digest("hex") };
}

export function bankBench(options: { sizes?: number[]; rounds?: number } = {}) {
  const sizes = options.sizes ?? [1, 10, 100];
  const rounds = options.rounds ?? 3;

  const real = readPacks()[0];
  if (!real) throw new Error("no content pack under content/");
  const load = os.loadavg();
  const packs = new Map(sizes.map((times) => [times, syntheticPack(real, times)]));
  const first = new Map<number, ReturnType<typeof warmUp>>();
  for (const [times, pack] of packs) first.set(times, warmUp(pack));
  const runs = new Map<number, number[]>(sizes.map((times) => [times, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [times, pack] of packs) {
      for (let k = 0; k < (PER_ROUND[times] ?? 1); k++) runs.get(times)?.push(time(pack).ms);
    }
  }

  const results = new Map<number, SizeResult>();
  for (const [times, pack] of packs) {
    const warm = first.get(times) as ReturnType<typeof warmUp>;
    const timed = runs.get(times) as number[];
    const r: SizeResult = {
      facts: pack.facts.length,
      questions: warm.questions,
      firstMs: round1(warm.ms),
      medianMs: round1(median(timed)),
      runs: timed.length,
      sha256: warm.sha256,
    };
    results.set(times, r);
    console.log(
      `${`${times}×`.padStart(5)}  ${String(r.facts).padStart(6)} facts  ${String(r.questions).padStart(7)} questions  ` +
        `first ${r.firstMs.toFixed(1).padStart(9)} ms  median ${r.medianMs.toFixed(1).padStart(9)} ms (${r.runs} runs)  ${r.sha256.slice(0, 12)}`,
    );
  }

  const x1 = results.get(1);
  const x100 = results.get(100);
  const ratio100 = x1 && x100 ? Math.round((x100.medianMs / x1.medianMs) * 10) / 10 : undefined;
  if (ratio100 !== undefined) console.log(`100× / 1× = ${ratio100} (target ≤ ${TARGETS.ratio100})`);
  if (x1) console.log(`real pack: ${x1.medianMs} ms (target ≤ ${TARGETS.realMs} ms)`);
  const loadAfter = os.loadavg();
  console.log(`load average (1 min) ${load[0]?.toFixed(2)} before, ${loadAfter[0]?.toFixed(2)} after, on ${os.cpus().length} CPUs`);
  return {
    // The machine is shared: its load while the benchmark ran (1-minute averages).
    loadBefore: Math.round((load[0] ?? 0) * 100) / 100,
    loadAfter: Math.round((loadAfter[0] ?? 0) * 100) / 100,
    real: x1,
    x10: results.get(10),
    x100,
    ratio100,
    targets: TARGETS,
    met: { realMs: x1 ? x1.medianMs <= TARGETS.realMs : null, ratio100: ratio100 === undefined ? null : ratio100 <= TARGETS.ratio100 },
  };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  runMain(async () => {
    const args = process.argv.slice(2);
    const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const only = option("only");
    const rounds = option("rounds");
    const result = bankBench({ ...(only ? { sizes: only.split(",").map(Number) } : {}), ...(rounds ? { rounds: Number(rounds) } : {}) });
    await emit(result);
  });
}
