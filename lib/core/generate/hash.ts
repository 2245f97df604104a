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
 * Reused by every call (every question id is hashed): the message schedule, whose first 16
 * words each block fills, and the hash state. A call encodes its text straight into the block,
 * so hashing allocates nothing but the hex string (a few typed arrays per call used to make
 * garbage in proportion to the bank, and the garbage collector's work grew faster than it).
 */
const w = new Uint32Array(64);
const h = new Uint32Array(8);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Compresses the block in w[0..15] into h. */
function compress() {
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15] as number;
    const b = w[i - 2] as number;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
  }
  let a = h[0] as number;
  let b = h[1] as number;
  let c = h[2] as number;
  let d = h[3] as number;
  let e = h[4] as number;
  let f = h[5] as number;
  let g = h[6] as number;
  let hh = h[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + s1 + ch + (K[i] as number) + (w[i] as number)) >>> 0;
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
  h[0] = ((h[0] as number) + a) >>> 0;
  h[1] = ((h[1] as number) + b) >>> 0;
  h[2] = ((h[2] as number) + c) >>> 0;
  h[3] = ((h[3] as number) + d) >>> 0;
  h[4] = ((h[4] as number) + e) >>> 0;
  h[5] = ((h[5] as number) + f) >>> 0;
  h[6] = ((h[6] as number) + g) >>> 0;
  h[7] = ((h[7] as number) + hh) >>> 0;
}

/** Bytes written to the current block (0..63), and to the whole message. */
let filled = 0;
let total = 0;

function pushByte(byte: number) {
  if (filled === 0) w.fill(0, 0, 16);
  w[filled >>> 2] = (w[filled >>> 2] as number) | (byte << (24 - 8 * (filled & 3)));
  total++;
  if (++filled === 64) {
    compress();
    filled = 0;
  }
}

/** SHA-256 of the UTF-8 bytes of `text` (as TextEncoder encodes it: a lone surrogate is U+FFFD), left in h. */
function digest(text: string) {
  h.set(IV);
  filled = 0;
  total = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) pushByte(cp);
    else if (cp < 0x800) {
      pushByte(0xc0 | (cp >>> 6));
      pushByte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      pushByte(0xe0 | (cp >>> 12));
      pushByte(0x80 | ((cp >>> 6) & 0x3f));
      pushByte(0x80 | (cp & 0x3f));
    } else {
      pushByte(0xf0 | (cp >>> 18));
      pushByte(0x80 | ((cp >>> 12) & 0x3f));
      pushByte(0x80 | ((cp >>> 6) & 0x3f));
      pushByte(0x80 | (cp & 0x3f));
    }
  }
  const bits = total * 8;
  pushByte(0x80);
  while (filled !== 56) pushByte(0);
  w[14] = Math.floor(bits / 2 ** 32);
  w[15] = bits >>> 0;
  compress();
}

/** Character codes of the hex digits, filled by hexOf (one string made from them, not one per word). */
const hexCodes: number[] = [];
const HEX_DIGITS = "0123456789abcdef";

/** The first `words` words of h as lowercase hex. */
function hexOf(words: number): string {
  hexCodes.length = 8 * words;
  for (let i = 0; i < words; i++) {
    const x = h[i] as number;
    for (let k = 0; k < 8; k++) hexCodes[8 * i + k] = HEX_DIGITS.charCodeAt((x >>> (28 - 4 * k)) & 15);
  }
  return String.fromCharCode(...hexCodes);
}

/** SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. */
export function sha256Hex(text: string): string {
  digest(text);
  return hexOf(8);
}

/** Question id: the first 16 hex digits of SHA-256 of `pack/factId/form/variant`. */
export function questionId(pack: string, factId: string, form: string, variant: string): string {
  digest(`${pack}/${factId}/${form}/${variant}`);
  return hexOf(2);
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

/** The order of n items shuffled from state `from`, in `out` (its first n slots). */
function orderInto(from: number, n: number, out: Int32Array) {
  const order = out.subarray(0, n);
  for (let k = 0; k < n; k++) order[k] = k;
  shuffleFrom(from, order);
}

/**
 * How many leading positions of a shuffle are kept: readers of candidate lists as long as the
 * pack take a handful. A shuffle is worked out whole in a shared scratch array and only its head
 * is copied (into a plain array: a typed array of more than 64 bytes is allocated outside the
 * heap, at a cost that grew with the heap), so that reading one allocates nothing in proportion
 * to the pack.
 */
const HEAD = 64;
let scratch = new Int32Array(0);

/** The order of a shuffle of n items from state `from`, worked out when first read (see Rng.order). */
function lazyOrder(from: number, n: number): ShuffleOrder {
  let head: number[] | undefined;
  let order: Int32Array | undefined;
  return {
    length: n,
    at(i: number) {
      if (!head) {
        if (scratch.length < n) scratch = new Int32Array(Math.max(n, 2 * scratch.length));
        orderInto(from, n, scratch);
        head = [];
        for (let k = 0; k < Math.min(n, HEAD); k++) head.push(scratch[k] as number);
      }
      if (i < head.length) return head[i] as number;
      // Read past its head (rare): kept whole.
      if (!order) orderInto(from, n, (order = new Int32Array(n)));
      return order[i] as number;
    },
  };
}

export function rngFor(seed: string): Rng {
  return new SeededRng(fnv1a(seed));
}

/**
 * The seeded source (see Rng): one number of state, with its methods on the prototype rather
 * than closures made for each source (a source is made for every question).
 */
class SeededRng implements Rng {
  private state: number;

  constructor(state: number) {
    this.state = state;
  }

  next(): number {
    this.state = (this.state + STEP) >>> 0;
    return mix(this.state);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  order(n: number): ShuffleOrder {
    const from = this.state;
    // shuffle() draws once per position but the first.
    this.state = (this.state + Math.imul(Math.max(0, n - 1), STEP)) >>> 0;
    return lazyOrder(from, n);
  }

  draws(n: number): (k: number) => number {
    const from = this.state;
    this.state = (this.state + Math.imul(n, STEP)) >>> 0;
    return (k: number) => mix((from + Math.imul(k, STEP)) >>> 0);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}
