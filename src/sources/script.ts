// JavaScript, TypeScript, JSX and TSX: the copy a program shows people. JSX
// text, string literals, template literal text and the JSX attributes people
// read are copy; module paths, class names, keys, selectors, URLs, console
// output, types and translation keys are not. Comments may hold directives.
import { createRequire } from "node:module";
import { extname } from "node:path";
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import type { Segment } from "../core/types.js";
import { parseDirective, type Directive } from "../suppress/directives.js";
import { alignToSource, type Alignment } from "./align.js";
import type { ParsedDocument } from "./document.js";
import { SegmentBuilder } from "./segment-builder.js";

type Node = TSESTree.Node;

/** A decoded string with, for each code unit, the source range it was read from. */
export interface AlignedString extends Alignment {
  value: string;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v" };

/**
 * Decodes the body of a JS string literal or template literal piece (`raw`,
 * without its quotes, found at source offset `offset`). Each decoded code unit
 * maps to the whole escape sequence it came from; a line continuation yields
 * nothing. In a template, CRLF and CR read as LF, as the language says.
 */
export function alignJsString(raw: string, offset: number, template = false): AlignedString {
  let value = "";
  const starts: number[] = [];
  const ends: number[] = [];
  const put = (text: string, from: number, to: number) => {
    value += text;
    for (let k = 0; k < text.length; k++) {
      starts.push(offset + from);
      ends.push(offset + to);
    }
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === "\r" && template) {
      const len = raw[i + 1] === "\n" ? 2 : 1;
      put("\n", i, i + len);
      i += len;
      continue;
    }
    if (c !== "\\" || i + 1 >= raw.length) {
      put(c, i, i + 1);
      i++;
      continue;
    }
    const n = raw[i + 1]!;
    let len = 2;
    let text: string;
    if (n in SIMPLE_ESCAPES) text = SIMPLE_ESCAPES[n]!;
    else if (n === "x" && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 2, i + 4))) {
      text = String.fromCharCode(parseInt(raw.slice(i + 2, i + 4), 16));
      len = 4;
    } else if (n === "u") {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(raw.slice(i + 2));
      const plain = /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 2));
      const hex = braced ? braced[1]! : plain ? plain[0] : undefined;
      const cp = hex === undefined ? NaN : parseInt(hex, 16);
      if (hex !== undefined && cp <= 0x10ffff) {
        text = String.fromCodePoint(cp);
        len = 2 + (braced ? braced[0].length : 4);
      } else text = n;
    } else if (n >= "0" && n <= "7") {
      // \0, or a legacy octal escape: up to three digits while the value stays below 256.
      const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
      const used = n <= "3" ? digits : digits.slice(0, 2);
      text = String.fromCharCode(parseInt(used, 8));
      len = 1 + used.length;
    } else if (n === "\r") {
      text = ""; // line continuation
      len = raw[i + 2] === "\n" ? 3 : 2;
    } else if (n === "\n" || n === "\u2028" || n === "\u2029") text = "";
    else text = n;
    put(text, i, i + len);
    i += len;
  }
  return { value, starts, ends };
}

/** A whole string that names a place, not something people read: a URL, a path, a file. */
const LOCATOR =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|mailto:|tel:|data:|\.{0,2}\/|#\/)\S*$|^\S+\.(?:png|jpe?g|gif|webp|avif|svg|ico|bmp|mp4|webm|mov|mp3|wav|pdf|css|scss|less|m?js|cjs|tsx?|jsx|json|html?|md|ya?ml|woff2?|ttf)$/i;

/** JSX attributes whose value is read by nobody but the program. */
const CODE_ATTRIBUTES = new Set([
  "className", "class", "style", "key", "id", "ref", "href", "src", "srcSet", "srcset", "to", "type", "name",
  "role", "rel", "target", "htmlFor", "for", "lang", "dir", "method", "action", "as", "slot", "form", "accept",
  "autoComplete", "inputMode", "pattern", "media", "sizes", "crossOrigin", "integrity", "referrerPolicy",
  "loading", "decoding", "fetchPriority", "charSet", "httpEquiv", "http-equiv", "itemProp", "itemType", "itemID",
  "xmlns", "viewBox", "d", "fill", "stroke", "width", "height", "tabIndex", "variant", "size", "color", "icon",
  "theme", "layout", "mode", "path", "url", "route", "component", "i18nKey", "testId", "test-id", "value",
  "defaultValue", "selector", "encType", "formAction", "min", "max", "step",
]);

/** Object property names whose value is code even in a data object full of copy. */
const CODE_PROPERTIES = new Set([
  "className", "class", "classNames", "style", "id", "key", "href", "src", "srcSet", "url", "path", "route", "to",
  "ref", "testId", "data-testid", "data-test-id", "selector", "icon", "i18nKey", "component",
]);

/** Suffixes of camel-case names that hold code: `buttonClassName`, `productId`, `imageUrl`. */
const CODE_SUFFIX = /[a-z0-9](?:ClassName|Class|Id|ID|Key|Href|Src|Url|URL|Path|Style|Ref)$/;

/** aria-* attributes people hear; the others hold ids and states. */
const READ_ARIA = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "aria-placeholder"]);

function isCodeAttribute(name: string): boolean {
  if (CODE_ATTRIBUTES.has(name) || CODE_SUFFIX.test(name)) return true;
  if (name.startsWith("aria-")) return !READ_ARIA.has(name);
  return name.startsWith("data-") || /^on[A-Z]/.test(name) || name.startsWith("xmlns") || name.startsWith("xlink:");
}

function isCodeProperty(name: string): boolean {
  return CODE_PROPERTIES.has(name) || CODE_SUFFIX.test(name) || name.startsWith("data-");
}

/** Intrinsic elements whose content is code, not copy. */
const CODE_ELEMENTS = new Set(["script", "style", "code", "pre", "kbd", "samp"]);

/** Calls whose arguments are all code: module loading, DOM lookups, storage keys, class lists, logging. */
const CODE_CALLS = new Set([
  "require", "querySelector", "querySelectorAll", "getElementById", "getElementsByClassName",
  "getElementsByTagName", "getElementsByName", "closest", "matches", "addEventListener", "removeEventListener",
  "getAttribute", "hasAttribute", "removeAttribute", "toggleAttribute", "getItem", "setItem", "removeItem",
  "createElement", "createElementNS", "getPropertyValue", "setProperty", "removeProperty", "matchMedia",
  "Symbol", "RegExp", "URL", "URLSearchParams", "cx", "clsx", "classnames", "classNames", "cn", "twMerge",
]);

/** Calls whose first argument is a key or a name: translation keys, event names, selectors. */
const KEY_FIRST_CALLS = new Set(["t", "$t", "emit", "on", "off", "once", "setAttribute", "$", "jQuery", "fetch"]);

/** Template tags whose text is CSS, GraphQL or SQL. */
const CODE_TAGS = new Set(["css", "keyframes", "injectGlobal", "createGlobalStyle", "gql", "graphql", "sql"]);

/** Keys that hold types, never values. */
const TYPE_KEYS = new Set([
  "typeAnnotation", "returnType", "typeParameters", "typeArguments", "superTypeArguments", "superTypeParameters",
  "implements",
]);

/** TypeScript nodes that carry run-time values; every other TS node is type-level. */
const VALUE_TS_NODES = new Set([
  "TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "TSTypeAssertion", "TSInstantiationExpression",
  "TSEnumDeclaration", "TSEnumBody", "TSEnumMember", "TSModuleDeclaration", "TSModuleBlock", "TSParameterProperty",
  "TSExportAssignment", "TSAbstractMethodDefinition", "TSAbstractPropertyDefinition", "TSAbstractAccessorProperty",
]);

const COMPARISONS = new Set(["===", "!==", "==", "!=", "in", "instanceof"]);

/** The name a property, member or attribute is written with, if it is a plain one. */
function staticName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Identifier" || node.type === "JSXIdentifier" || node.type === "PrivateIdentifier") return node.name;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "JSXNamespacedName") return `${node.namespace.name}:${node.name.name}`;
  return undefined;
}

/** The name a call is known by: `f` for `f()`, `m` for `a.b.m()`. */
function calleeName(callee: Node): string | undefined {
  if (callee.type === "MemberExpression") return staticName(callee.property);
  if (callee.type === "ChainExpression") return calleeName(callee.expression);
  return staticName(callee);
}

function rootName(node: Node): string | undefined {
  if (node.type === "MemberExpression") return rootName(node.object);
  if (node.type === "CallExpression") return rootName(node.callee);
  return node.type === "Identifier" ? node.name : undefined;
}

const isStringLiteral = (node: Node | null | undefined): node is TSESTree.StringLiteral =>
  node?.type === "Literal" && typeof node.value === "string";

function isAmbient(node: Node): boolean {
  return "declare" in node && node.declare === true;
}

interface ParseOutcome {
  ast?: TSESTree.Program;
  error?: { message: string; offset: number };
}

type Estree = typeof import("@typescript-eslint/typescript-estree");
let estree: Estree | undefined;

/** The TypeScript parser takes about 0.4 s to load: only files that need it pay for it. */
function parser(): Estree {
  estree ??= createRequire(import.meta.url)("@typescript-eslint/typescript-estree") as Estree;
  return estree;
}

function tryParse(source: string, jsx: boolean): ParseOutcome {
  const { parse, TSError } = parser();
  try {
    const ast = parse(source, { range: true, loc: false, comment: true, jsx, suppressDeprecatedPropertyWarnings: true });
    return { ast };
  } catch (e) {
    if (e instanceof TSError) return { error: { message: e.message, offset: e.location?.start.offset ?? e.index ?? 0 } };
    return { error: { message: e instanceof Error ? e.message : String(e), offset: 0 } };
  }
}

/** Parses by extension: TSX and JSX with JSX, TS without; plain JS tries JSX first. */
function parseProgram(source: string, path: string): ParseOutcome {
  const ext = extname(path).toLowerCase();
  if (ext === ".tsx" || ext === ".jsx") return tryParse(source, true);
  if (ext === ".ts" || ext === ".mts" || ext === ".cts") return tryParse(source, false);
  const withJsx = tryParse(source, true);
  if (withJsx.ast) return withJsx;
  const without = tryParse(source, false);
  return without.ast ? without : withJsx;
}

export function parseScript(source: string, path = ""): ParsedDocument {
  const parsed = parseProgram(source, path);
  if (!parsed.ast) return { source, segments: [], directives: [], meta: {}, parseError: parsed.error! };
  const ast = parsed.ast;

  const segments: Segment[] = [];
  const keep = (segment: Segment | undefined) => {
    if (segment) segments.push(segment);
  };

  /** A string literal's decoded value, aligned with its escapes in the source. */
  const alignLiteral = (node: TSESTree.StringLiteral): AlignedString => {
    const [from, to] = [node.range[0] + 1, node.range[1] - 1];
    const decoded = alignJsString(source.slice(from, to), from);
    // The parser is the authority on the value; trust our alignment only when it agrees.
    return decoded.value === node.value ? decoded : { value: node.value, ...alignToSource(node.value, source, from, to) };
  };

  const stringLiteral = (node: TSESTree.StringLiteral) => {
    if (LOCATOR.test(node.value.trim())) return;
    const b = new SegmentBuilder("string-literal");
    const { value, ...at } = alignLiteral(node);
    b.addProse(value, at);
    keep(b.build());
  };

  const template = (node: TSESTree.TemplateLiteral) => {
    const b = new SegmentBuilder("template-literal");
    node.quasis.forEach((quasi, i) => {
      const from = quasi.range[0] + 1;
      const to = quasi.range[1] - (quasi.tail ? 1 : 2);
      const cooked = quasi.value.cooked;
      if (cooked !== null && cooked !== undefined) {
        const decoded = alignJsString(source.slice(from, to), from, true);
        const at = decoded.value === cooked ? decoded : alignToSource(cooked, source, from, to);
        b.addProse(cooked, at);
      }
      // What `${…}` stands for is unknown here, so words do not join across it.
      const next = node.quasis[i + 1];
      if (next) b.separate(to, next.range[0] + 1);
    });
    keep(b.build());
    for (const expression of node.expressions) visit(expression);
  };

  /** JSX text and attribute strings: no escapes, only character references. */
  const jsxString = (kind: string, value: string, from: number, to: number) => {
    const b = new SegmentBuilder(kind);
    b.addProse(value, alignToSource(value, source, from, to));
    keep(b.build());
  };

  const elementName = (node: TSESTree.JSXOpeningElement): string | undefined =>
    node.name.type === "JSXIdentifier" ? node.name.name : undefined;

  const attributeOf = (opening: TSESTree.JSXOpeningElement, name: string): string | undefined => {
    for (const a of opening.attributes)
      if (a.type === "JSXAttribute" && staticName(a.name) === name && isStringLiteral(a.value)) return a.value.value;
    return undefined;
  };

  const jsxAttribute = (node: TSESTree.JSXAttribute, opening: TSESTree.JSXOpeningElement) => {
    const name = staticName(node.name) ?? "";
    const value = node.value;
    if (!value) return;
    // An <input type="submit" value="…"> is a button label; other values are form data.
    const buttonLabel =
      name === "value" &&
      elementName(opening) === "input" &&
      /^(?:button|submit|reset)$/i.test(attributeOf(opening, "type") ?? "");
    if (isCodeAttribute(name) && !buttonLabel) return;
    if (isStringLiteral(value)) {
      if (LOCATOR.test(value.value.trim())) return;
      jsxString("attribute", value.value, value.range[0] + 1, value.range[1] - 1);
    } else visit(value);
  };

  const call = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
    visit(node.callee);
    const name = calleeName(node.callee);
    const callee = node.callee.type === "ChainExpression" ? node.callee.expression : node.callee;
    const object = callee.type === "MemberExpression" ? callee.object : undefined;
    const objectName = object ? (object.type === "MemberExpression" ? staticName(object.property) : staticName(object)) : undefined;
    if (objectName === "console" || objectName === "classList" || objectName === "dataset") return;
    if (name !== undefined && CODE_CALLS.has(name)) return;
    if (name === "resolve" && objectName === "require") return;
    let args = node.arguments as Node[];
    if (name !== undefined && KEY_FIRST_CALLS.has(name)) {
      // setAttribute("title", "…") is copy; setAttribute("class", "…") is not.
      const first = args[0];
      if (name === "setAttribute" && isStringLiteral(first) && isCodeAttribute(first.value)) return;
      args = args.slice(1);
    }
    for (const arg of args) visit(arg);
  };

  const visitChildren = (node: Node) => {
    for (const key of Object.keys(node)) {
      if (key === "parent" || key === "range" || key === "loc" || TYPE_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) visit(value);
    }
  };

  const visit = (node: Node): void => {
    if (node.type.startsWith("TS") && !VALUE_TS_NODES.has(node.type)) return;
    if (isAmbient(node)) return;
    switch (node.type) {
      case "Literal":
        if (isStringLiteral(node)) stringLiteral(node);
        return;
      case "TemplateLiteral":
        template(node);
        return;
      case "TaggedTemplateExpression": {
        const tag = node.tag;
        const name = staticName(tag.type === "MemberExpression" ? tag.object : tag);
        if ((name !== undefined && CODE_TAGS.has(name)) || rootName(tag) === "styled") return;
        visit(node.tag);
        visit(node.quasi);
        return;
      }
      case "ImportDeclaration":
      case "ExportAllDeclaration":
      case "ImportExpression":
        return;
      case "ExportNamedDeclaration":
        if (node.declaration) visit(node.declaration);
        return;
      case "ExpressionStatement":
        // "use client" and other strings standing alone as statements are shown to nobody.
        if (node.directive === undefined && !isStringLiteral(node.expression)) visit(node.expression);
        return;
      case "CallExpression":
      case "NewExpression":
        call(node);
        return;
      case "MemberExpression":
        visit(node.object);
        // obj["key"] and obj[`key`] name a property.
        if (node.computed && !isStringLiteral(node.property) && node.property.type !== "TemplateLiteral") visit(node.property);
        return;
      case "Property": {
        const name = node.computed ? undefined : staticName(node.key);
        if (name === undefined || !isCodeProperty(name)) visit(node.value);
        return;
      }
      case "PropertyDefinition":
      case "AccessorProperty":
      case "MethodDefinition":
      case "TSAbstractPropertyDefinition":
      case "TSAbstractAccessorProperty":
      case "TSAbstractMethodDefinition":
        for (const decorator of node.decorators ?? []) visit(decorator);
        if (node.value) visit(node.value);
        return;
      case "AssignmentExpression": {
        // el.className = "…", link.href = "…": a property the program reads.
        const left = node.left;
        const name = left.type === "MemberExpression" && !left.computed ? staticName(left.property) : undefined;
        visit(left);
        if (name === undefined || !isCodeProperty(name)) visit(node.right);
        return;
      }
      case "BinaryExpression":
        // "最佳" === x compares a value; nobody reads it.
        if (COMPARISONS.has(node.operator)) {
          if (!isStringLiteral(node.left as Node)) visit(node.left);
          if (!isStringLiteral(node.right)) visit(node.right);
        } else visitChildren(node);
        return;
      case "SwitchCase":
        if (node.test && !isStringLiteral(node.test)) visit(node.test);
        for (const statement of node.consequent) visit(statement);
        return;
      case "TSEnumMember":
        if (node.initializer) visit(node.initializer);
        return;
      case "TSModuleDeclaration":
        if (node.kind === "namespace" && node.body) visit(node.body);
        return;
      case "JSXText":
        jsxString("jsx-text", node.value, node.range[0], node.range[1]);
        return;
      case "JSXElement": {
        const opening = node.openingElement;
        for (const attribute of opening.attributes)
          if (attribute.type === "JSXAttribute") jsxAttribute(attribute, opening);
          else visit(attribute);
        const name = elementName(opening);
        if (name !== undefined && CODE_ELEMENTS.has(name)) return;
        for (const child of node.children) visit(child);
        return;
      }
      default:
        visitChildren(node);
    }
  };

  for (const statement of ast.body) visit(statement);

  const directives: Directive[] = [];
  for (const comment of ast.comments ?? []) {
    const d = parseDirective(comment.value, [comment.range[0], comment.range[1]]);
    if (d) directives.push(d);
  }
  segments.sort((a, b) => a.starts[0]! - b.starts[0]!);
  return { source, segments, directives, meta: {} };
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
