// Errors a user can act on: bad config, bad packs, bad arguments. They carry
// the file and 1-based position, and the CLI prints them without a stack.

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export class AdlintError extends Error {
  override readonly name = "AdlintError";
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
  }

  /** `file:line:col: message`, as compilers print it. */
  format(): string {
    const where = this.location ? `${this.location.file}:${this.location.line}:${this.location.column}: ` : "";
    return `${where}${this.message}`;
  }
}

/** Several errors found in one pass, reported together. */
export class AdlintErrors extends AdlintError {
  constructor(readonly errors: AdlintError[]) {
    super(errors.map((e) => e.format()).join("\n"));
  }
  override format(): string {
    return this.message;
  }
}
