/** What a benchmark file in bench/benchmarks/ default-exports. The file name is the benchmark's NAME. */

export interface Target {
  /** `min`: the figure must be at least `value`; `max`: at most `value`. */
  kind: 'min' | 'max';
  value: number;
}

export interface FigureSpec {
  /** Units follow the name: `_ms`, `_s`, `_per_s`, `_mb`, `_ratio`; plain counts otherwise. */
  name: string;
  target?: Target;
  /** Shown in the table; the JSON always carries the full-precision number. */
  digits?: number;
}

export interface BenchContext {
  /** The main size (rows, submissions, listings, …): `--scale` or the benchmark's default. */
  scale: number;
  /** Progress and diagnostics; goes to stderr, never stdout. */
  log(message: string): void;
  /** Wall-clock deadline (ms since epoch) the benchmark should finish by; loops check it. */
  deadline: number;
}

export interface Benchmark {
  description: string;
  defaultScale: number;
  /** Figures in display order, with their targets (from BENCH.md / the requirements). */
  figures: FigureSpec[];
  /** Hard limit for one run of this benchmark, in seconds (the runner kills it after that). */
  timeLimitS?: number;
  run(ctx: BenchContext): Promise<Record<string, number>>;
}

export function defineBenchmark(b: Benchmark): Benchmark {
  return b;
}
