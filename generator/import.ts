/**
 * `errcat import`: reads hand-written TypeScript error codes with ts-morph and writes a catalog.
 * This is the only module that loads ts-morph (and so the TypeScript compiler); the CLI imports it
 * lazily, for `import` alone.
 */
import { type ClassDeclaration, Node, Project, type SourceFile, SyntaxKind } from "ts-morph";
import type { CodeValue } from "./catalog.js";
import { type Found, type ImportOptions, type ImportResult, toCatalog } from "./import-catalog.js";
import type { Problem } from "./problems.js";

export type { ImportOptions, ImportResult };

/**
 * Reads numeric and string `enum`s, `as const` objects (of codes, or of `{ code, message }`) and
 * classes with a `static code`, with JSDoc and line comments as descriptions.
 *
 * @example
 * importCodes(["src/errors.ts"]).yaml
 * // format: 1 … common: - code: 4400, name: QuotaExceeded, type: Quota exceeded, description: …
 */
export function importCodes(files: readonly string[], options: ImportOptions = {}): ImportResult {
  const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true } });
  const found: Found[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const source = project.addSourceFileAtPath(file);
    const report = (node: Node, message: string) => problems.push({ message, location: at(source, file, node) });
    readEnums(source, file, found, report);
    readObjects(source, file, found, report);
    readClasses(source, file, found, report);
  }
  return toCatalog(found, problems, options);
}

type Report = (node: Node, message: string) => void;

function at(source: SourceFile, file: string, node: Node): Problem["location"] {
  const { line, column } = source.getLineAndColumnAtPos(node.getStart());
  return { file, line, col: column, pointer: "" };
}

function readEnums(source: SourceFile, file: string, found: Found[], report: Report): void {
  for (const declaration of source.getEnums()) {
    for (const member of declaration.getMembers()) {
      const value = member.getValue();
      if (value === undefined) {
        report(member, `${declaration.getName()}.${member.getName()} has no constant value; left out`);
        continue;
      }
      found.push({ code: value, name: member.getName(), ...commentsOf(member), at: at(source, file, member) });
    }
  }
}

function readObjects(source: SourceFile, file: string, found: Found[], report: Report): void {
  for (const declaration of source.getVariableDeclarations()) {
    const initializer = declaration.getInitializer();
    if (!Node.isAsExpression(initializer) || initializer.getTypeNode()?.getText() !== "const") continue;
    const object = initializer.getExpression();
    if (!Node.isObjectLiteralExpression(object)) continue;
    for (const property of object.getProperties()) {
      if (!Node.isPropertyAssignment(property)) {
        report(property, `${declaration.getName()}: only plain properties can be read; left out`);
        continue;
      }
      const name = property.getName().replace(/^["']|["']$/g, "");
      const value = property.getInitializerOrThrow();
      const nested = Node.isObjectLiteralExpression(value) ? fieldsOf(value) : undefined;
      const code = nested ? nested.code : literal(value);
      if (code === undefined) {
        report(property, `${declaration.getName()}.${name} is not a number or string literal; left out`);
        continue;
      }
      const comments = commentsOf(property);
      const description = nested?.description ?? comments.description;
      found.push({ code, name, ...comments, description, at: at(source, file, property) });
    }
  }
}

/** `{ code: 4400, message: "…" }`: the code and the text (`description` or `message`). */
function fieldsOf(object: Node): { code?: CodeValue; description?: string } {
  const fields: { code?: CodeValue; description?: string } = {};
  if (!Node.isObjectLiteralExpression(object)) return fields;
  for (const property of object.getProperties()) {
    if (!Node.isPropertyAssignment(property)) continue;
    const value = literal(property.getInitializerOrThrow());
    if (property.getName() === "code" && value !== undefined) fields.code = value;
    if (/^(description|message)$/.test(property.getName()) && typeof value === "string") fields.description = value;
  }
  return fields;
}

function readClasses(source: SourceFile, file: string, found: Found[], report: Report): void {
  for (const declaration of source.getClasses()) {
    const property = declaration.getStaticProperty("code");
    if (!property || !Node.isPropertyDeclaration(property)) continue;
    const name = declaration.getName() ?? "";
    const initializer = property.getInitializer();
    const code = initializer ? literal(initializer) : undefined;
    if (code === undefined) {
      report(property, `${name}.code is not a number or string literal; left out`);
      continue;
    }
    const comments = commentsOf(declaration);
    const description = comments.description || messageOf(declaration);
    found.push({ code, name: name.replace(/Error$/, ""), ...comments, description, at: at(source, file, declaration) });
  }
}

/** The text a class passes to `super(…)` or sets as `message`, when it is a literal. */
function messageOf(declaration: ClassDeclaration): string {
  const message = declaration.getProperty("message")?.getInitializer();
  const fromProperty = message ? literal(message) : undefined;
  if (typeof fromProperty === "string") return fromProperty;
  for (const body of declaration.getConstructors()) {
    for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() !== "super") continue;
      const [first] = call.getArguments();
      const text = first ? literal(first) : undefined;
      if (typeof text === "string") return text;
    }
  }
  return "";
}

/** A number or string literal, through `as const`, parentheses and a leading minus. */
function literal(node: Node): CodeValue | undefined {
  if (Node.isAsExpression(node) || Node.isParenthesizedExpression(node) || Node.isSatisfiesExpression(node))
    return literal(node.getExpression());
  if (Node.isNumericLiteral(node)) return node.getLiteralValue();
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const value = literal(node.getOperand());
    return typeof value === "number" ? -value : undefined;
  }
  return undefined;
}

/** A node's own comments: the JSDoc or line comments above it, else a `// …` after it on its line. */
function commentsOf(node: Node): { description: string; deprecated?: string } {
  const text = node.getSourceFile().getFullText();
  const above = node
    .getLeadingCommentRanges()
    .filter((range) => /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", range.getPos() - 1) + 1, range.getPos())))
    .map((range) => range.getText());
  const after = /^[ \t]*,?[ \t]*\/\/(.*)/.exec(text.slice(node.getEnd(), text.indexOf("\n", node.getEnd()) >>> 0))?.[1];
  const lines = (above.length > 0 ? above : after === undefined ? [] : [`//${after}`]).flatMap(commentLines);
  const tag = lines.findIndex((line) => line.startsWith("@"));
  const body = (tag === -1 ? lines : lines.slice(0, tag)).join(" ").replace(/\s+/g, " ").trim();
  const deprecated = lines.find((line) => line.startsWith("@deprecated"))?.replace(/^@deprecated\s*/, "");
  return deprecated === undefined
    ? { description: body }
    : { description: body, deprecated: deprecated || "Deprecated." };
}

function commentLines(comment: string): string[] {
  return comment
    .replace(/^\/\*\*?|\*\/$/g, "")
    .replace(/^\/\/\s?/, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\*\s?/, "").trim())
    .filter((line) => line !== "");
}
