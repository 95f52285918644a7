/**
 * Seeded randomness for the organisation generator: the same `--seed` gives the same
 * organisation, ids included (sfc32, a small fast generator with a 128-bit state).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A child generator for one part of the organisation, so parts do not shift each other. */
  fork(label: string): Random {
    let h = this.d ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Random(h >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (fewer when there are not enough), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /**
   * Time-ordered UUID (version 7) for a moment, its random bits from this generator: ids sort
   * by creation time, as the platform's own do.
   */
  uuidv7(ms: number): string {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const time = hex(Math.floor(ms), 12);
    const r1 = Math.floor(this.next() * 0x1000);
    const r2 = 0x8000 | Math.floor(this.next() * 0x4000);
    const r3 = hex(Math.floor(this.next() * 0x1000000), 6) + hex(Math.floor(this.next() * 0x1000000), 6);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(r1, 3)}-${hex(r2, 4)}-${r3}`;
  }
}

/**
 * Draws indexes with Zipf-like weights (the first is the most likely: weight 1/(rank+1)^s),
 * or with any weights given: a few people and communities do most of the talking.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i];
      this.cumulative[i] = total;
    }
  }

  static zipf(count: number, exponent: number): WeightedPicker {
    return new WeightedPicker(Array.from({ length: count }, (_, rank) => 1 / Math.pow(rank + 1, exponent)));
  }

  get size(): number {
    return this.cumulative.length;
  }

  index(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
