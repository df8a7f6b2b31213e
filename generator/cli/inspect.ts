/**
 * The commands that read a catalog without generating: `explain`, `diff` and `export`. A module of
 * their own, loaded only when one of them runs.
 */
import { writeFileSync } from "node:fs";
import { diffCatalogs } from "../diff/compare.js";
import { formatDiff } from "../diff/format.js";
import type { CatalogSide } from "../diff/rules.js";
import { readCatalogAtRef, readCatalogSide } from "../diff/source.js";
import { explain } from "../explain.js";
import { exportJson } from "../export.js";
import { DEFAULT_SCHEMA, validate } from "../generate.js";
import type { CatalogModel } from "../model.js";
import { CatalogError, formatProblems, type OutputFormat, problemJson } from "../problems.js";
import { type ParsedArgs, UsageError } from "./args.js";
import { printJson, stringValue } from "./commands.js";
import { EXIT, type Exit } from "./exit.js";

export function runExplain(args: ParsedArgs, format: OutputFormat): Exit {
  const model = validate(stringValue(args, "schema") ?? DEFAULT_SCHEMA);
  const module = stringValue(args, "module");
  const locale = stringValue(args, "locale");
  if (module !== undefined && !model.modules.some((candidate) => candidate.id === module)) {
    throw new UsageError(
      `no module ${module} in the catalog (${model.modules.map((m) => m.id).join(", ")})`,
      "explain",
    );
  }
  if (locale !== undefined && !model.locales.includes(locale)) {
    throw new UsageError(`no locale ${locale} in the catalog (${model.locales.join(", ")})`, "explain");
  }
  const explanation = explain(model, args.positionals[0] ?? "", { module, locale });
  if (format === "json") {
    const { known, input, parsed, matches, notes } = explanation;
    printJson({ ok: known, input, parsed, matches, notes });
  } else {
    (explanation.known ? process.stdout : process.stderr).write(`${explanation.lines.join("\n")}\n`);
  }
  return explanation.known ? EXIT.ok : EXIT.problem;
}

/** Exits 1 when anything breaks; an invalid catalog or a missing ref is a usage error (2) here. */
export function runDiff(args: ParsedArgs, format: OutputFormat): Exit {
  const against = stringValue(args, "against");
  let sides: [CatalogSide, CatalogSide];
  try {
    if (against !== undefined) {
      if (args.positionals.length > 1) throw new UsageError("diff --against takes one catalog file at most", "diff");
      const file = args.positionals[0] ?? stringValue(args, "schema") ?? DEFAULT_SCHEMA;
      sides = [readCatalogAtRef(against, file), readCatalogSide(file)];
    } else {
      const [oldFile, newFile] = args.positionals;
      if (oldFile === undefined || newFile === undefined) {
        throw new UsageError("diff takes two catalog files, OLD NEW, or --against REF [FILE]", "diff");
      }
      sides = [readCatalogSide(oldFile), readCatalogSide(newFile)];
    }
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    if (format === "json") printJson({ ok: false, problems: error.problems.map((problem) => problemJson(problem)) });
    else process.stderr.write(`${formatProblems(error.problems, format).join("\n")}\n`);
    return EXIT.usage;
  }
  const findings = diffCatalogs(...sides);
  process.stdout.write(formatDiff(findings, format));
  return findings.some((finding) => finding.severity === "breaking") ? EXIT.problem : EXIT.ok;
}

export function runExport(args: ParsedArgs): Exit {
  if (args.values.format !== "json") throw new UsageError("export needs --format json", "export");
  const model: CatalogModel = validate(stringValue(args, "schema") ?? DEFAULT_SCHEMA);
  const text = exportJson(model);
  const out = stringValue(args, "out");
  if (out === undefined) process.stdout.write(text);
  else writeFileSync(out, text);
  return EXIT.ok;
}
