/**
 * Hashing and seeded randomness for the generator. Pure TypeScript (no node:crypto) so the
 * generator also runs in the browser; the SHA-256 is checked against node:crypto in tests.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * Reused by every call (every question id is hashed): the encoder, and the message schedule,
 * which each block overwrites.
 */
const encoder = new TextEncoder();
const w = new Uint32Array(64);

/** SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. */
export function sha256Hex(text: string): string {
  const bytes = encoder.encode(text);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0, h[3] ?? 0, h[4] ?? 0, h[5] ?? 0, h[6] ?? 0, h[7] ?? 0];
    for (let i = 0; i < 64; i++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + (K[i] ?? 0) + (w[i] ?? 0)) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] ?? 0) + (add[i] ?? 0)) >>> 0;
  }
  return [...h].map((x) => x.toString(16).padStart(8, "0")).join("");
}

/** Question id: the first 16 hex digits of SHA-256 of `pack/factId/form/variant`. */
export function questionId(pack: string, factId: string, form: string, variant: string): string {
  return sha256Hex(`${pack}/${factId}/${form}/${variant}`).slice(0, 16);
}

/** A deterministic random source seeded by a string (mulberry32 over an FNV-1a hash). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** One item (undefined for an empty list). */
  pick<T>(items: readonly T[]): T | undefined;
  /** Coin with probability p of true. */
  chance(p: number): boolean;
  /**
   * Takes the next n draws at once, in constant time, and returns the k-th of them (1 ≤ k ≤ n)
   * on demand, as next() would have drawn it. Lets a caller rank a long list by jitter and read
   * only the head of the ranking.
   */
  draws(n: number): (k: number) => number;
  /**
   * The order shuffle() would give a list of n items: its draws are taken now, the order is
   * worked out when first read (not at all if it is not), as positions rather than a copy of
   * the list.
   */
  order(n: number): ShuffleOrder;
}

/** See Rng.order. */
export interface ShuffleOrder {
  readonly length: number;
  /** The original position of the i-th item of the shuffled list (0 ≤ i < length). */
  at(i: number): number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32's step: the state moves by this constant on every draw (so k draws ahead is k × it). */
const STEP = 0x6d2b79f5;

/** mulberry32's output for a state. */
function mix(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Fisher–Yates over `out` from state `s`, drawing as Rng.shuffle does (int(i + 1) for i from
 * the end down to 1); returns the state after. A plain function over a typed array, so that this
 * loop (over lists as long as the pack) compiles tight.
 */
function shuffleFrom(s: number, out: Int32Array): number {
  for (let i = out.length - 1; i > 0; i--) {
    s = (s + STEP) >>> 0;
    const j = Math.floor(mix(s) * (i + 1));
    const tmp = out[i] as number;
    out[i] = out[j] as number;
    out[j] = tmp;
  }
  return s;
}

/** The order of a shuffle of n items from state `from`, worked out when first read (see Rng.order). */
function lazyOrder(from: number, n: number): ShuffleOrder {
  let order: Int32Array | undefined;
  return {
    length: n,
    at(i: number) {
      if (!order) {
        order = new Int32Array(n);
        for (let k = 0; k < n; k++) order[k] = k;
        shuffleFrom(from, order);
      }
      return order[i] as number;
    },
  };
}

export function rngFor(seed: string): Rng {
  let state = fnv1a(seed);
  const next = () => {
    state = (state + STEP) >>> 0;
    return mix(state);
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    order(n: number) {
      const from = state;
      // shuffle() draws once per position but the first.
      state = (state + Math.imul(Math.max(0, n - 1), STEP)) >>> 0;
      return lazyOrder(from, n);
    },
    draws(n: number) {
      const from = state;
      state = (state + Math.imul(n, STEP)) >>> 0;
      return (k: number) => mix((from + Math.imul(k, STEP)) >>> 0);
    },
    pick<T>(items: readonly T[]): T | undefined {
      return items.length === 0 ? undefined : items[int(items.length)];
    },
    chance(p: number) {
      return next() < p;
    },
  };
}
