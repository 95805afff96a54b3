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
  private readonly lengths: number[];
  /** For each UTF-16 code unit, whether some term has it. */
  private readonly inTerms = new Uint8Array(0x10000);
  /** The root's child for each code unit; 0 for none. */
  private readonly fromRoot = new Int32Array(0x10000);
  /** Each node's failure link. */
  private readonly fail: Int32Array;
  /** The first term that ends at each node, -1 for none; the terms after it, by term. */
  private readonly firstTerm: Int32Array;
  private readonly nextTerm: Int32Array;
  /** The next node along the failure links that ends a term; -1 for none. */
  private readonly outLink: Int32Array;
  /** Whether a node, or one along its failure links, ends a term. */
  private readonly ends: Uint8Array;
  /** Every child below the root, by (parent, code unit), probed linearly from `slot(parent, unit)`; parent -1 is an empty slot. */
  private readonly slotParent: Int32Array;
  private readonly slotUnit: Uint16Array;
  private readonly slotChild: Int32Array;
  private readonly slotShift: number;

  constructor(terms: readonly string[]) {
    this.lengths = terms.map((t) => t.length);
    // A node for each code unit of each term at most, and the root.
    const most = this.lengths.reduce((sum, length) => sum + length, 1);
    let bits = 4;
    while (1 << bits < most * 2) bits++;
    this.slotShift = 32 - bits;
    this.slotParent = new Int32Array(1 << bits).fill(-1);
    this.slotUnit = new Uint16Array(1 << bits);
    this.slotChild = new Int32Array(1 << bits);
    // The trie, with each node's children as a list, for the walk that links them.
    const unit = new Uint16Array(most);
    const firstChild = new Int32Array(most);
    const sibling = new Int32Array(most);
    const lastTerm = new Int32Array(most).fill(-1);
    this.firstTerm = new Int32Array(most).fill(-1);
    this.nextTerm = new Int32Array(terms.length).fill(-1);
    let nodes = 1;
    terms.forEach((term, index) => {
      if (term.length === 0) return;
      let node = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        this.inTerms[c] = 1;
        let child = node === 0 ? this.fromRoot[c]! : this.child(node, c);
        if (child === 0) {
          child = nodes++;
          unit[child] = c;
          sibling[child] = firstChild[node]!;
          firstChild[node] = child;
          if (node === 0) this.fromRoot[c] = child;
          else this.addChild(node, c, child);
        }
        node = child;
      }
      if (lastTerm[node] === -1) this.firstTerm[node] = index;
      else this.nextTerm[lastTerm[node]!] = index;
      lastTerm[node] = index;
    });
    this.fail = new Int32Array(nodes);
    this.outLink = new Int32Array(nodes).fill(-1);
    this.ends = new Uint8Array(nodes);
    // Breadth first, so that a node's failure link is known before its children's.
    const queue = new Int32Array(nodes);
    let tail = 0;
    for (let child = firstChild[0]!; child !== 0; child = sibling[child]!) queue[tail++] = child;
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      for (let child = firstChild[node]!; child !== 0; child = sibling[child]!) {
        const c = unit[child]!;
        let f = this.fail[node]!;
        while (f !== 0 && this.child(f, c) === 0) f = this.fail[f]!;
        const target = f === 0 ? this.fromRoot[c]! : this.child(f, c);
        const fc = target !== child ? target : 0;
        this.fail[child] = fc;
        this.outLink[child] = this.firstTerm[fc] !== -1 ? fc : this.outLink[fc]!;
        queue[tail++] = child;
      }
    }
    for (let node = 1; node < nodes; node++) this.ends[node] = this.firstTerm[node] !== -1 || this.outLink[node]! > 0 ? 1 : 0;
  }

  /** Puts `child` in the table as the child of `node` (not the root) for `unit`. */
  private addChild(node: number, unit: number, child: number): void {
    const mask = this.slotParent.length - 1;
    let h = this.slot(node, unit);
    while (this.slotParent[h] !== -1) h = (h + 1) & mask;
    this.slotParent[h] = node;
    this.slotUnit[h] = unit;
    this.slotChild[h] = child;
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
    const { firstTerm, nextTerm, outLink } = this;
    for (let o = firstTerm[node] !== -1 ? node : outLink[node]!; o > 0; o = outLink[o]!)
      for (let term = firstTerm[o]!; term !== -1; term = nextTerm[term]!) if (visit(term, end)) return true;
    return false;
  }
}
