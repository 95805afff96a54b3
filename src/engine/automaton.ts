// Aho-Corasick: every term of every enabled rule in one automaton, so a text
// is scanned once however many terms the packs hold.
//
// Most characters of copy are in no term, and most of the time the walk is at
// the root: both steps take one array read. A step inside a term looks its
// child up in one open-addressing table of every node's children.

export interface TermHit {
  /** Index of the term in the list the automaton was built from. */
  term: number;
  start: number;
  end: number;
}

/** Occurrences of terms, as term and end offset in parallel arrays, of which the first `count` are filled; filled again by each scan. */
export class HitList {
  terms = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;

  push(term: number, end: number): void {
    if (this.count === this.terms.length) {
      const grown = (old: Int32Array) => {
        const fresh = new Int32Array(old.length * 2);
        fresh.set(old);
        return fresh;
      };
      this.terms = grown(this.terms);
      this.ends = grown(this.ends);
    }
    this.terms[this.count] = term;
    this.ends[this.count++] = end;
  }
}

export class TermAutomaton {
  // Node n's transitions; failure link; terms ending here; next node with output.
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly outLink: number[] = [-1];
  private readonly lengths: number[];
  /** For each UTF-16 code unit, whether some term has it. */
  private readonly inTerms = new Uint8Array(0x10000);
  /** The root's child for each code unit; 0 for none. */
  private readonly fromRoot = new Int32Array(0x10000);
  /** Whether a node, or one along its failure links, ends a term. */
  private ends: Uint8Array = new Uint8Array(0);
  /** Every child below the root, by (parent, code unit), probed linearly from `slot(parent, unit)`; parent -1 is an empty slot. */
  private slotParent: Int32Array = new Int32Array(0);
  private slotUnit: Uint16Array = new Uint16Array(0);
  private slotChild: Int32Array = new Int32Array(0);
  private slotShift = 32;

  constructor(terms: readonly string[]) {
    this.lengths = terms.map((t) => t.length);
    terms.forEach((term, index) => {
      if (term.length === 0) return;
      let node = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        this.inTerms[c] = 1;
        let child = this.next[node]!.get(c);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.outLink.push(-1);
          this.next[node]!.set(c, child);
        }
        node = child;
      }
      this.out[node]!.push(index);
    });
    this.link();
  }

  private link(): void {
    const queue: number[] = [];
    for (const [c, child] of this.next[0]!) {
      this.fromRoot[c] = child;
      queue.push(child);
    }
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.outLink[child] = this.out[fc]!.length > 0 ? fc : this.outLink[fc]!;
        queue.push(child);
      }
    }
    this.ends = Uint8Array.from(this.out, (terms, node) => (terms.length > 0 || this.outLink[node]! > 0 ? 1 : 0));
    this.fillSlots();
  }

  /** Lays the children below the root out in the table, at most half full. */
  private fillSlots(): void {
    const count = this.next.reduce((n, children, node) => (node === 0 ? n : n + children.size), 0);
    let bits = 4;
    while (1 << bits < count * 2) bits++;
    this.slotShift = 32 - bits;
    this.slotParent = new Int32Array(1 << bits).fill(-1);
    this.slotUnit = new Uint16Array(1 << bits);
    this.slotChild = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    this.next.forEach((children, node) => {
      if (node === 0) return;
      for (const [c, child] of children) {
        let h = this.slot(node, c);
        while (this.slotParent[h] !== -1) h = (h + 1) & mask;
        this.slotParent[h] = node;
        this.slotUnit[h] = c;
        this.slotChild[h] = child;
      }
    });
  }

  /** Where probing for (node, unit) starts: Fibonacci hashing, the top bits of the product. */
  private slot(node: number, unit: number): number {
    return Math.imul(node * 0x10000 + unit, 0x9e3779b1) >>> this.slotShift;
  }

  /** The child of `node` (not the root) for `unit`; 0, the root, for none. */
  private child(node: number, unit: number): number {
    const { slotParent, slotUnit, slotChild } = this;
    const mask = slotParent.length - 1;
    for (let h = this.slot(node, unit); slotParent[h] !== -1; h = (h + 1) & mask)
      if (slotParent[h] === node && slotUnit[h] === unit) return slotChild[h]!;
    return 0;
  }

  /** Every occurrence of every term in `text`, overlapping ones included: `scanInto`, an object each. */
  scan(text: string): TermHit[] {
    const list = new HitList();
    this.scanInto(text, list);
    return Array.from({ length: list.count }, (_, h) => {
      const term = list.terms[h]!;
      return { term, start: list.ends[h]! - this.lengths[term]!, end: list.ends[h]! };
    });
  }

  /** Every occurrence of every term in `text`, into `hits`, without an object for each (what matching uses). */
  scanInto(text: string, hits: HitList): void {
    hits.count = 0;
    this.walk(text, (term, end) => {
      hits.push(term, end);
      return false;
    });
  }

  /** The length of term `term`, in UTF-16 code units. */
  termLength(term: number): number {
    return this.lengths[term]!;
  }

  /** Whether some occurrence of a term passes `test`; stops at the first that does. */
  some(text: string, test: (term: number) => boolean): boolean {
    return this.walk(text, (term) => test(term));
  }

  /**
   * Walks on from `node` over code units `from..to` of `units`: the node it
   * ends at, or -1 once an occurrence of a term passes `test`, given the term
   * and its end. A walk over units that come a piece at a time starts at the
   * root (0) and goes on from the node the last piece ended at.
   */
  walkUnits(units: Uint16Array, from: number, to: number, node: number, test: (term: number, end: number) => boolean): number {
    const { inTerms, ends } = this;
    for (let i = from; i < to; i++) {
      const c = units[i]!;
      if (inTerms[c] === 0) {
        node = 0;
        continue;
      }
      node = this.step(node, c);
      if (ends[node] !== 0 && this.report(node, i + 1, test)) return -1;
    }
    return node;
  }

  /** Feeds `visit` each occurrence (term, end offset) until it returns true. */
  private walk(text: string, visit: (term: number, end: number) => boolean): boolean {
    const { inTerms, ends } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inTerms[c] === 0) {
        node = 0;
        continue;
      }
      node = this.step(node, c);
      if (ends[node] !== 0 && this.report(node, i + 1, visit)) return true;
    }
    return false;
  }

  /** The node after `node` on code unit `c`, which some term has. */
  private step(node: number, c: number): number {
    // Failure links lead back towards the root, where a unit with no child leads to the root itself.
    let child = node === 0 ? this.fromRoot[c]! : this.child(node, c);
    while (child === 0 && node !== 0) {
      node = this.fail[node]!;
      child = node === 0 ? this.fromRoot[c]! : this.child(node, c);
    }
    return child;
  }

  /** Feeds `visit` the terms that end at `node`, at `end`, until it returns true. */
  private report(node: number, end: number, visit: (term: number, end: number) => boolean): boolean {
    for (let o = this.out[node]!.length > 0 ? node : this.outLink[node]!; o > 0; o = this.outLink[o]!)
      for (const term of this.out[o]!) if (visit(term, end)) return true;
    return false;
  }
}
