import type { CatalogModel } from "../model.js";
import { createWriter, finish, moduleCodeType } from "./writer.js";

/**
 * `module-errors.ts`: a module's metadata list, made from its lean table. Each module file writes
 * its codes once, in the table: a list of thousands of objects beside it would cost the compiler a
 * sixth of its time at 30,000 codes, and a bundle that imports the list carries the table anyway.
 */
export function emitModuleErrors(model: CatalogModel): string {
  const writer = createWriter(model);
  const numeric = moduleCodeType(model) === "number";
  writer.blankLine();
  writer.write(`import type { Deprecation, ModuleCode, ModuleErrorInfo, ModuleTable } from "./types.js";

/**
 * Every code of a module's table with its name, overrides and deprecation, ordered by code: the
 * list each module file exports as its \`..._MODULE_ERRORS\`.
 */
export function listModuleErrors(
  table: ModuleTable,
  deprecated: Readonly<Record<ModuleCode, Deprecation>> = {},
): readonly ModuleErrorInfo[] {
  const { names, overrides = {} } = table;
  const codes = ${numeric ? "Object.keys(names).map(Number).sort((a, b) => a - b)" : "Object.keys(names).sort()"};
  return codes.map((code) => ({
    code,
    name: names[code] as string,
    ...(Object.hasOwn(overrides, code) ? overrides[code] : undefined),
    ...(Object.hasOwn(deprecated, code) ? { deprecated: deprecated[code] as Deprecation } : undefined),
  }));
}
`);
  return finish(writer);
}
