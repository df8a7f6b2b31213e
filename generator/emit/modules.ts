import type { CatalogModel, ModuleCodeModel, ModuleModel } from "../model.js";
import { deprecationLiteral } from "./common.js";
import { tsString } from "./escape.js";
import {
  codeKey,
  createLineWriter,
  createWriter,
  deprecatedTags,
  finish,
  type LineWriter,
  mainText,
  moduleCodeType,
  writeEnum,
  writeJsdoc,
} from "./writer.js";

/** The import specifier of a module's file, from the output folder's root: `./modules/account.js`. */
export function moduleImport(module: ModuleModel): string {
  return `./${module.file.replace(/\.ts$/, ".js")}`;
}

/** `modules.ts`: every module with its texts, and the lookups across them; only `all.ts` imports it. */
export function emitModules(model: CatalogModel): string {
  const writer = createWriter(model);
  const code = moduleCodeType(model);
  writer.blankLine();
  for (const module of model.modules) {
    writer.writeLine(`import { ${module.constName}, ${module.tableName} } from ${tsString(moduleImport(module))};`);
  }
  writer.writeLine(`import type { ModuleCode, ModuleErrorInfo, ModuleName, ModuleTable } from "./types.js";`);
  writer.blankLine();
  writer.write(`/** A module and its error codes. */
export interface ModuleInfo {
  readonly id: ModuleName;
  readonly title: string;
  readonly errors: readonly ModuleErrorInfo[];
}

/** Every module, in catalog order. */
export const MODULES: readonly ModuleInfo[] = [`);
  writer.indent(() => {
    for (const module of model.modules) {
      writer.writeLine(
        `{ id: ${tsString(module.id)}, title: ${tsString(mainText(model, module.title))}, errors: ${module.constName} },`,
      );
    }
  });
  writer.write(`];

/** Every module's table, in catalog order: what the \`all\` entry's parser names module codes with. */
export const MODULE_TABLES: readonly ModuleTable[] = [${model.modules.map((module) => module.tableName).join(", ")}];

let infoByModule: ReadonlyMap<string, ReadonlyMap<ModuleCode, ModuleErrorInfo>> | undefined;
let ownersByCode: ReadonlyMap<ModuleCode, readonly ModuleName[]> | undefined;

/** Whether \`value\` is the id of a module. */
export function isModuleName(value: unknown): value is ModuleName {
  infoByModule ??= new Map(MODULES.map((module) => [module.id, new Map(module.errors.map((info) => [info.code, info]))]));
  return typeof value === "string" && infoByModule.has(value);
}

/** Looks a module error code up: \`moduleErrorInfo(module, code)?.name\`. */
export function moduleErrorInfo(module: ModuleName, code: ${code}): ModuleErrorInfo | undefined {
  return isModuleName(module) ? infoByModule?.get(module)?.get(code) : undefined;
}

/** The modules that list \`code\`, in catalog order. */
export function modulesWithCode(code: ${code}): readonly ModuleName[] {
  if (!ownersByCode) {
    const owners = new Map<ModuleCode, ModuleName[]>();
    for (const module of MODULES) {
      for (const info of module.errors) owners.set(info.code, [...(owners.get(info.code) ?? []), module.id]);
    }
    ownersByCode = owners;
  }
  return ownersByCode.get(code) ?? [];
}
`);
  return finish(writer);
}

/** `modules/<id>.ts`: one module's enum, metadata and guard; mostly data, so written line by line. */
export function emitModule(model: CatalogModel, module: ModuleModel): string {
  const writer = createLineWriter(model);
  const title = module.titled ? `${mainText(model, module.title)} (\`${module.id}\`)` : `\`${module.id}\``;
  const carried =
    model.moduleErrorsIn === "message" ? "carried in a response's message" : "carried in a response's code";
  const byCode = new Map(module.codes.map((entry) => [entry.code, entry]));
  const replacement = (entry: ModuleCodeModel) => {
    const by = entry.deprecated?.replacedBy;
    const target = by === undefined ? undefined : byCode.get(by);
    return target ? `${module.enumName}.${target.name}` : undefined;
  };
  writer.blankLine();
  writer.writeLine(`import { listModuleErrors } from "../module-errors.js";`);
  writer.writeLine(`import type { ModuleErrorInfo, ModuleTable } from "../types.js";`);
  writer.blankLine();
  writeEnum(
    writer,
    model,
    module.enumName,
    [`The module error codes of ${title}, ${carried}.`],
    // A member's doc is its description: a link per member would cost tsc about 5% at 30,000 codes,
    // so the enum links the module's docs once.
    module.codes.map((entry) => ({
      name: entry.name,
      value: entry.code,
      doc: [mainText(model, entry.description)],
      tags: deprecatedTags(entry.deprecated, replacement(entry)),
    })),
    [`@see ../${module.docsFile}#${module.anchor}`],
  );
  writer.blankLine();
  writeModuleTable(writer, module, title);
  writer.blankLine();
  writeModuleList(writer, module, title);
  writer.blankLine();
  writeJsdoc(writer, [`Whether \`value\` is one of the module error codes of ${title}.`]);
  writer.write(`export function ${module.guardName}(value: unknown): value is ${module.enumName} {
  return typeof value === "${moduleCodeType(model)}" && Object.hasOwn(${module.tableName}.names, value);
}
`);
  return finish(writer);
}

/**
 * The module's lean table: each code's name and what it overrides, no text. The parser reads only
 * this, so a bundle that names a module carries its names and never its descriptions.
 */
function writeModuleTable(writer: LineWriter, module: ModuleModel, title: string): void {
  writeJsdoc(writer, [
    `${title} for the parser: each code's name, without its text. Pass it as \`errorFromResponse(body, { module: ${module.tableName} })\` or in \`createErrorParser({ modules: [${module.tableName}] })\`.`,
  ]);
  writer.writeLine(`export const ${module.tableName}: ModuleTable<${tsString(module.id)}> = {`);
  writer.indent(() => {
    writer.writeLine(`id: ${tsString(module.id)},`);
    writer.writeLine("names: {");
    writer.indent(() => {
      for (const entry of module.codes) writer.writeLine(`${codeKey(entry.code)}: ${tsString(entry.name)},`);
    });
    writer.writeLine("},");
    const overridden = module.codes.filter(
      (entry) => entry.fault !== undefined || entry.retryable !== undefined || entry.httpStatus !== undefined,
    );
    if (overridden.length > 0) {
      writer.writeLine("overrides: {");
      writer.indent(() => {
        for (const entry of overridden)
          writer.writeLine(`${codeKey(entry.code)}: { ${overrideFields(entry).join(", ")} },`);
      });
      writer.writeLine("},");
    }
  });
  writer.writeLine("};");
}

/** What a module code states over the common code it arrives under, as object fields. */
function overrideFields(entry: ModuleCodeModel): string[] {
  return [
    ...(entry.fault === undefined ? [] : [`fault: ${tsString(entry.fault)}`]),
    ...(entry.retryable === undefined ? [] : [`retryable: ${entry.retryable}`]),
    ...(entry.httpStatus === undefined ? [] : [`httpStatus: ${entry.httpStatus}`]),
  ];
}

/**
 * The module's metadata list, made from its table when first imported: the codes are written once,
 * in the table, and only the deprecations are written here.
 */
function writeModuleList(writer: LineWriter, module: ModuleModel, title: string): void {
  writeJsdoc(writer, [
    `Every module error code of ${title}, ordered by code, from its table; the descriptions are in \`texts/<locale>.ts\`.`,
  ]);
  const deprecated = module.codes.filter((entry) => entry.deprecated !== undefined);
  const call = `export const ${module.constName}: readonly ModuleErrorInfo[] = /* @__PURE__ */ listModuleErrors(${module.tableName}`;
  if (deprecated.length === 0) {
    writer.writeLine(`${call});`);
    return;
  }
  writer.writeLine(`${call}, {`);
  writer.indent(() => {
    for (const entry of deprecated) {
      if (entry.deprecated) writer.writeLine(`${codeKey(entry.code)}: ${deprecationLiteral(entry.deprecated)},`);
    }
  });
  writer.writeLine("});");
}
