// Aho-Corasick: every term of every enabled rule in one automaton, so a text
// is scanned once however many terms the packs hold.

export interface TermHit {
  /** Index of the term in the list the automaton was built from. */
  term: number;
  start: number;
  end: number;
}

export class TermAutomaton {
  // Node n's transitions; failure link; terms ending here; next node with output.
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly outLink: number[] = [-1];
  private readonly lengths: number[];

  constructor(terms: readonly string[]) {
    this.lengths = terms.map((t) => t.length);
    terms.forEach((term, index) => {
      if (term.length === 0) return;
      let node = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
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
    for (const child of this.next[0]!.values()) queue.push(child);
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
  }

  /** Every occurrence of every term in `text`, overlapping ones included. */
  scan(text: string): TermHit[] {
    const hits: TermHit[] = [];
    this.walk(text, (term, end) => {
      hits.push({ term, start: end - this.lengths[term]!, end });
      return false;
    });
    return hits;
  }

  /** Whether some occurrence of a term passes `test`; stops at the first that does. */
  some(text: string, test: (term: number) => boolean): boolean {
    return this.walk(text, (term) => test(term));
  }

  /** Feeds `visit` each occurrence (term, end offset) until it returns true. */
  private walk(text: string, visit: (term: number, end: number) => boolean): boolean {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = this.next[node]!.get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node]!;
        child = this.next[node]!.get(c);
      }
      node = child ?? 0;
      for (let o = this.out[node]!.length > 0 ? node : this.outLink[node]!; o > 0; o = this.outLink[o]!)
        for (const term of this.out[o]!) if (visit(term, i + 1)) return true;
    }
    return false;
  }
}
