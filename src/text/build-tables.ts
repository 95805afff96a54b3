// Run by `npm run build`: saves what folding would otherwise work out in every
// process (see compatibility.ts), beside the compiled code.
import { saveCompatibilityForms } from "./compatibility.js";

saveCompatibilityForms();
