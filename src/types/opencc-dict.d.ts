// opencc-js ships its dictionaries as ES modules without type declarations.
declare module "opencc-js/dict/*" {
  /** Entries "source target" joined by "|". */
  const dict: string;
  export default dict;
}
