// A report's text on its way to stdout: gathered into large writes, waiting when
// the reader is slower than the run, and ended with a newline. A reader that
// goes away (`adlint | head`) ends the writing, not the run.
import type { Writable } from "node:stream";

const CHUNK = 64 * 1024;

export class ReportOutput {
  private pending: string[] = [];
  private pendingLength = 0;
  private last = "";
  private gone = false;

  constructor(private readonly stream: Writable) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      this.gone = true;
    });
  }

  async write(text: string): Promise<void> {
    if (!text) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    this.last = text;
    if (this.pendingLength >= CHUNK) await this.flush();
  }

  /** Writes what is left, with a final newline when the text does not end with one. */
  async end(): Promise<void> {
    if (this.last && !this.last.endsWith("\n")) this.pending.push("\n");
    await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.pending.join("");
    this.pending = [];
    this.pendingLength = 0;
    if (!text || this.gone) return;
    if (!this.stream.write(text)) await new Promise<void>((drained) => this.stream.once("drain", drained).once("close", drained));
  }
}
