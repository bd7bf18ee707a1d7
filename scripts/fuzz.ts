// `pnpm fuzz`: the differential slot suite (packages/core/test/support/slot-table.ts) for a
// million generated values, spread over every slot of the public API, from one seed. Each value
// is refused with a Dockwright code, or read back exactly by the BuildKit-faithful reader; any
// other outcome is an escape, printed with its slot, value and seed, and the exit code is 1.
//
//   pnpm fuzz                         1,000,000 cases, a random seed (printed)
//   pnpm fuzz --cases 50000 --seed 7  another count, a given seed (the same cases again)
//   pnpm fuzz --json                  the counts as JSON on stdout
import fc from 'fast-check';
import { Counts, runSlot, type Verdict } from '../packages/core/test/support/slot-runner.js';
import { slots } from '../packages/core/test/support/slot-table.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

function count(name: string, fallback: number): number {
  const text = option(name);
  const value = text === undefined ? fallback : Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`--${name} takes a whole number, not ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return value;
}

const cases = count('cases', 1_000_000);
const seed = count('seed', Math.floor(Math.random() * 2 ** 31));
const json = process.argv.includes('--json');
const CHUNK = 500;

const total = new Counts();
const bySlot = new Map<string, Counts>();
const escapes: { slot: string; seed: number; value: unknown; reason: string }[] = [];
const started = Date.now();
const perSlot = Math.ceil(cases / slots.length);
let lastReport = 0;

const progress = () => {
  const now = Date.now();
  if (json || !process.stderr.isTTY || now - lastReport < 1000) return;
  lastReport = now;
  process.stderr.write(`\r${total} (${((100 * total.cases) / cases).toFixed(1)}%)`);
};

slots.forEach((row, n) => {
  const counts = new Counts();
  bySlot.set(row.slot, counts);
  const want = Math.min(perSlot, cases - n * perSlot);
  for (let done = 0, chunk = 0; done < want; chunk += 1) {
    // One seed per slot and chunk, derived from the run's seed: `--seed` replays every case.
    const chunkSeed = (seed + n * 100_003 + chunk * 7_919) | 0;
    const values = fc.sample(row.value, { numRuns: Math.min(CHUNK, want - done), seed: chunkSeed });
    for (const value of values) {
      const verdict: Verdict = runSlot(row, value);
      counts.add(verdict);
      total.add(verdict);
      if (verdict.kind === 'escape' && escapes.length < 20) escapes.push({ slot: row.slot, seed: chunkSeed, value, reason: verdict.reason });
    }
    done += values.length;
    progress();
  }
});

const seconds = (Date.now() - started) / 1000;
if (json) {
  const rows = [...bySlot].map(([slot, c]) => ({ slot, cases: c.cases, refused: c.refused, readBack: c.read, escapes: c.escapes }));
  process.stdout.write(`${JSON.stringify({ seed, cases: total.cases, refused: total.refused, readBack: total.read, escapes: total.escapes, seconds, slots: rows, firstEscapes: escapes }, null, 2)}\n`);
} else {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const width = Math.max(...slots.map((s) => s.slot.length));
  for (const [slot, c] of bySlot) process.stdout.write(`${slot.padEnd(width)}  ${c}\n`);
  process.stdout.write(`\nseed ${seed}\ncases ${total.cases}\nrefused ${total.refused}\nread back ${total.read}\nescapes ${total.escapes}\n${seconds.toFixed(1)} s\n`);
  for (const e of escapes) process.stdout.write(`\nescape in ${e.slot} (sample seed ${e.seed}): ${e.reason}\n  value: ${JSON.stringify(e.value)}\n`);
}
process.exitCode = total.escapes === 0 ? 0 : 1;
