// A report's text on its way to stdout: encoded into large writes, waiting when
// the reader is slower than the run, and ended with a newline. A reader that
// goes away (`adlint | head`) ends the writing, not the run.
import type { Writable } from "node:stream";

const CHUNK = 64 * 1024;

export class ReportOutput {
  /** Text is encoded straight into this, and the filled part handed to the stream. */
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
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
    this.last = text;
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.used + text.length * 3 > CHUNK) {
      await this.flush();
      if (text.length * 3 > CHUNK) return this.send(Buffer.from(text, "utf8"));
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  /** Writes what is left, with a final newline when the text does not end with one. */
  async end(): Promise<void> {
    if (this.last && !this.last.endsWith("\n")) await this.write("\n");
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    // The stream may hold on to what it is given, so what comes next goes into a new buffer.
    const filled = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    await this.send(filled);
  }

  private async send(bytes: Uint8Array): Promise<void> {
    if (this.gone) return;
    if (!this.stream.write(bytes)) await this.drained();
  }

  /** Waits until the stream takes more, or closes; neither listener outlives the wait. */
  private drained(): Promise<void> {
    return new Promise<void>((go) => {
      const done = (): void => {
        this.stream.off("drain", done).off("close", done);
        go();
      };
      this.stream.on("drain", done).on("close", done);
    });
  }
}
