/** 2^26 bits (8 MB): at two million streams about 0.1 % of the streams it never held seem held. */
const BITS_LOG2 = 26;
const MASK = (1 << BITS_LOG2) - 1;
const PROBES = 3;

/** FNV-1a over the stream name's UTF-16 code units, from a seed. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619) >>> 0;
  return hash;
}

/**
 * The stream names a replay has let go of, in fixed memory (a Bloom filter): never says "not held"
 * of a name it holds; says "held" of a name it never held rarely, which costs the caller only a
 * needless look at that stream.
 */
export class StreamFilter {
  private readonly bits = new Uint8Array((1 << BITS_LOG2) / 8);

  add(stream: string): void {
    this.probe(stream, (bit) => {
      this.bits[bit >>> 3] |= 1 << (bit & 7);
      return true;
    });
  }

  mayHold(stream: string): boolean {
    return this.probe(stream, (bit) => (this.bits[bit >>> 3] & (1 << (bit & 7))) !== 0);
  }

  /** Visits the name's bits (double hashing) while `visit` answers true; whether it did for all. */
  private probe(stream: string, visit: (bit: number) => boolean): boolean {
    const h1 = fnv1a(stream, 2_166_136_261);
    const h2 = fnv1a(stream, 0x9747b28c) | 1;
    for (let i = 0; i < PROBES; i++) if (!visit((h1 + Math.imul(i, h2)) & MASK)) return false;
    return true;
  }
}
