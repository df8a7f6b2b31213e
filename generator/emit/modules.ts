import type { CatalogModel, ModuleModel } from "../model.js";
import { tsString } from "./escape.js";
import { createWriter, finish, writeJsdoc } from "./writer.js";

/** The import specifier of a module's file, from the output folder's root: `./modules/account.js`. */
export function moduleImport(module: ModuleModel): string {
  return `./${module.file.replace(/\.ts$/, ".js")}`;
}

/** `modules.ts`: the list of modules and the lookups across them. */
export function emitModules(model: CatalogModel): string {
  const writer = createWriter(model);
  writer.blankLine();
  for (const module of model.modules) {
    writer.writeLine(`import { ${module.constName} } from ${tsString(moduleImport(module))};`);
  }
  writer.writeLine(`import type { ModuleErrorInfo, ModuleName } from "./types.js";`);
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
        `{ id: ${tsString(module.id)}, title: ${tsString(module.title)}, errors: ${module.constName} },`,
      );
    }
  });
  writer.write(`];

let infoByModule: ReadonlyMap<string, ReadonlyMap<number, ModuleErrorInfo>> | undefined;
let ownersByCode: ReadonlyMap<number, readonly ModuleName[]> | undefined;

/** Whether \`value\` is the id of a module. */
export function isModuleName(value: unknown): value is ModuleName {
  infoByModule ??= new Map(MODULES.map((module) => [module.id, new Map(module.errors.map((info) => [info.code, info]))]));
  return typeof value === "string" && infoByModule.has(value);
}

/** Looks a module error code up: \`moduleErrorInfo("account", 100004)?.name\`. */
export function moduleErrorInfo(module: ModuleName, code: number): ModuleErrorInfo | undefined {
  return isModuleName(module) ? infoByModule?.get(module)?.get(code) : undefined;
}

/** The modules that list \`code\`, in catalog order. */
export function modulesWithCode(code: number): readonly ModuleName[] {
  if (!ownersByCode) {
    const owners = new Map<number, ModuleName[]>();
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

/** `modules/<id>.ts`: one module's enum, metadata and guard. */
export function emitModule(model: CatalogModel, module: ModuleModel): string {
  const writer = createWriter(model);
  const title = module.title === module.id ? `\`${module.id}\`` : `${module.title} (\`${module.id}\`)`;
  writer.blankLine();
  writer.writeLine(`import type { ModuleErrorInfo } from "../types.js";`);
  writer.blankLine();
  writeJsdoc(writer, [`The module error codes of ${title}, carried in a response's message.`]);
  writer.write(`export enum ${module.enumName}`).block(() => {
    for (const entry of module.codes) {
      writeJsdoc(writer, [entry.description], [`@see ../error-codes.md#${entry.anchor}`]);
      writer.writeLine(`${entry.name} = ${entry.code},`);
    }
  });
  writer.blankLine();
  writeJsdoc(writer, [`Every module error code of ${title} with its description, ordered by code.`]);
  writer.write(`export const ${module.constName}: readonly ModuleErrorInfo[] = [`);
  writer.indent(() => {
    for (const entry of module.codes) {
      writer.writeLine(
        `{ code: ${entry.code}, name: ${tsString(entry.name)}, description: ${tsString(entry.description)} },`,
      );
    }
  });
  writer.writeLine("];");
  writer.blankLine();
  writer.writeLine("let codes: ReadonlySet<number> | undefined;");
  writer.blankLine();
  writeJsdoc(writer, [`Whether \`value\` is one of the module error codes of ${title}.`]);
  writer.write(`export function ${module.guardName}(value: unknown): value is ${module.enumName} {
  codes ??= new Set(${module.constName}.map((info) => info.code));
  return typeof value === "number" && codes.has(value);
}
`);
  return finish(writer);
}
