// The AdlintError a call refuses its input with; a test fails if it accepts it.
import { AdlintError } from "../../src/core/errors.js";

export function refusal(f: () => unknown): AdlintError {
  try {
    f();
  } catch (e) {
    if (e instanceof AdlintError) return e;
    throw e;
  }
  throw new Error("the input was accepted");
}
