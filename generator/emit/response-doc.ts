import type { CatalogModel } from "../model.js";
import { commentText } from "./escape.js";
import { codeType } from "./writer.js";

/** The JSDoc of `errorFromResponse`: what success is and where each field is read, for this catalog. */
export function responseDoc(model: CatalogModel): string {
  const dotted = (segments: readonly string[]) => `\`${commentText(segments.join("."))}\``;
  const type = codeType(model);
  const validCode = type === "number" ? "a safe integer" : "a non-empty string";
  const codePaths = model.envelope.code.map(dotted).join(", then ");
  const lines = [
    `The error a response body reports, or \`undefined\` when it reports success (${successText(model)}).`,
    "It never throws: a body without a valid code gives a {@link MalformedResponseError}, whose message keeps the server's text.",
    "",
    `The code is read from ${codePaths}, the message from ${dotted(model.envelope.message)},`,
    `the request id from ${dotted(model.envelope.requestId)} (own properties only).`,
    `Only ${validCode} is a code: ${type === "number" ? "a numeric string, a float, `NaN` or a missing code is malformed" : "a number, an empty string or a missing code is malformed"}.`,
    "A message or request id that is not a string is ignored (the raw body stays in `response`).",
  ];
  if (model.moduleErrorsIn === "code") {
    lines.push(
      "A module code arrives in the code field: its class is the longest dotted prefix that is a common",
      "code (`InvalidParameter.Foo` → `InvalidParameterError`), else `UnknownApiError`; the whole code is",
      "in `moduleError`.",
    );
  }
  if (model.categories.some((category) => category.declared)) {
    lines.push("A code the catalog does not list but a category covers gives that category's error class.");
  }
  lines.push(
    "",
    "@example",
    `const error = errorFromResponse(await response.json()${model.modules[0] ? `, { module: ${model.modules[0].tableName} }` : ""});`,
    "if (error) throw error;",
  );
  return `/**\n${lines.map((line) => (line === "" ? " *" : ` * ${line}`)).join("\n")}\n */\n`;
}

/** `code 0`, `codes "00000", "01000"`, `a body without \`error\``, `unless \`status\` is "Failure"`. */
export function successText(model: CatalogModel): string {
  const rule = model.success;
  const dotted = (segments: readonly string[]) => `\`${commentText(segments.join("."))}\``;
  const value = (match: { value: unknown }) => commentText(JSON.stringify(match.value));
  if ("codes" in rule) {
    const codes = rule.codes.map((code) => commentText(typeof code === "string" ? JSON.stringify(code) : String(code)));
    return codes.length === 1 ? `code ${codes[0]}` : `codes ${codes.join(", ")}`;
  }
  if ("absent" in rule) {
    const container = rule.absent.length > 1 ? `a ${dotted(rule.absent.slice(0, -1))}` : "a body";
    return `${container} whose ${dotted(rule.absent)} is absent or null`;
  }
  const matches = "when" in rule ? rule.when : rule.unless;
  const all = matches.map((match) => `${dotted(match.path)} is ${value(match)}`).join(" and ");
  return "when" in rule ? `only when ${all}` : `unless ${all}`;
}
