import type { CatalogModel } from "../model.js";
import { tsPropertyKey, tsString } from "./escape.js";
import { moduleImport } from "./modules.js";
import { textsImport } from "./texts.js";
import { anyCodeType, codeType, createWriter, finish, importLine, moduleCodeType } from "./writer.js";

/**
 * `all.ts`: the index with every module: its exports, each module's file, and the functions that
 * take a module by id and fill in module texts, with every module's table given. What a Node
 * program imports when bundle size is no concern.
 */
export function emitAllEntry(model: CatalogModel): string {
  const writer = createWriter(model);
  const type = codeType(model);
  const moduleType = moduleCodeType(model);
  const mixed = type !== moduleType;
  // Without modules there is nothing to type by module.
  const typed = model.modules.length > 0;
  writer.blankLine();
  writer.writeLine(
    importLine(
      ["DEFAULT_LOCALE", "type Description", "describe as describeCommon", "describeModuleCode"],
      "./describe.js",
    ),
  );
  writer.writeLine(importLine(["CommonErrorClassesByCode"], "./errors.js", true));
  writer.writeLine(importLine(["buildError", "type ErrorFromCodeInit"], "./from-code.js"));
  writer.writeLine(
    importLine(
      [
        "type ErrorFromHttpOptions",
        "errorFromHttp as errorFromHttpIn",
        "type HttpError",
        "type HttpFailure",
        "type HttpResponseLike",
      ],
      "./http.js",
    ),
  );
  writer.writeLine(importLine(["MODULE_TABLES"], "./modules.js"));
  writer.writeLine(
    importLine(
      ["type ErrorFromResponseOptions", "type ResponseApiError", "readResponse", ...(typed ? ["type WithModule"] : [])],
      "./response.js",
    ),
  );
  for (const [index, locale] of model.locales.entries()) {
    writer.writeLine(`import { MODULE_TEXTS as ${textsName(index)} } from ${tsString(textsImport(locale))};`);
  }
  writer.writeLine(
    importLine(["Locale", "ModuleName", ...(typed ? ["ModuleTable"] : []), "ModuleTexts"], "./types.js", true),
  );
  writer.blankLine();
  writer.writeLine(`export * from "./index.js";`);
  writer.writeLine(
    importLine(
      ["isModuleName", "MODULE_TABLES", "MODULES", "type ModuleInfo", "moduleErrorInfo", "modulesWithCode"],
      "./modules.js",
    ).replace(/^import/, "export"),
  );
  for (const module of model.modules) {
    writer.writeLine(
      importLine([module.constName, module.enumName, module.guardName, module.tableName], moduleImport(module)).replace(
        /^import/,
        "export",
      ),
    );
  }
  const first = model.modules[0];
  const locales = model.locales.map((locale, index) => `${tsPropertyKey(locale)}: ${textsName(index)}`).join(", ");
  writer.write(`
/** Every locale's module texts. */
const MODULE_TEXTS: Readonly<Record<Locale, ModuleTexts>> = { ${locales} };

/**
 * The error a response body reports, as the index's \`errorFromResponse\`, with every module given:
 * a module may be named by id${first ? ` (\`{ module: ${tsString(first.id)} }\`)` : ""}, and a module code that exactly one
 * module lists is named by it when the call names no module.
 */
${
  !typed
    ? ""
    : `export function errorFromResponse<N extends ModuleName>(
  body: unknown,
  options: ErrorFromResponseOptions<ModuleName> & { readonly module: N | ModuleTable<N> },
): WithModule<ResponseApiError, N> | undefined;
export function errorFromResponse(body: unknown, options?: ErrorFromResponseOptions<ModuleName>): ResponseApiError | undefined;
`
}export function errorFromResponse(
  body: unknown,
  options: ErrorFromResponseOptions<ModuleName> = {},
): ResponseApiError | undefined {
  const { module, modules = MODULE_TABLES, onUnknownCode } = options;
  const error = readResponse(body, { module, modules, onUnknownCode });
  return error as unknown as ResponseApiError | undefined;
}

/** The error an HTTP response reports, as the index's \`errorFromHttp\`, with every module given. */
export function errorFromHttp(
  response: HttpResponseLike | HttpFailure,
  options: ErrorFromHttpOptions<ModuleName> = {},
): Promise<ResponseApiError | HttpError | undefined> {
  return errorFromHttpIn(response, { ...options, modules: options.modules ?? MODULE_TABLES });
}

/**
 * The error for a code of the catalog, as the index's \`errorFromCode\`, with every module given: a
 * module may be named by id, and a module code's text is filled in from the catalog.
 */
export function errorFromCode<C extends keyof CommonErrorClassesByCode>(
  code: C,
  init?: ErrorFromCodeInit<ModuleName>,
): CommonErrorClassesByCode[C];
export function errorFromCode(code: ${type}, init?: ErrorFromCodeInit<ModuleName>): ResponseApiError;
export function errorFromCode(code: ${type}, init: ErrorFromCodeInit<ModuleName> = {}): ResponseApiError {
  const textOf = (module: ModuleName, moduleCode: ${moduleType}) =>
    describeModuleCode(MODULE_TEXTS[DEFAULT_LOCALE], module, moduleCode)?.description;
  const error = buildError(code, init, textOf, MODULE_TABLES);
  return error as unknown as ResponseApiError;
}

/**
 * A code's texts in \`locale\`, falling back to the default locale; with \`module\`, a module code's.
 * \`undefined\` for a code the catalog does not list.
 */
export function describe(code: ${anyCodeType(model)}, locale: Locale = DEFAULT_LOCALE, module?: ModuleName): Description | undefined {
  if (module !== undefined) {
    const texts = Object.hasOwn(MODULE_TEXTS, locale) ? MODULE_TEXTS[locale] : undefined;
    return describeModuleCode(texts ?? MODULE_TEXTS[DEFAULT_LOCALE], module, code, MODULE_TEXTS[DEFAULT_LOCALE]);
  }
  return ${mixed ? `typeof code === "${type}" ? describeCommon(code, locale) : undefined` : "describeCommon(code, locale)"};
}
`);
  return finish(writer);
}

/** The local name of a locale's imported texts: `MODULE_TEXTS_0` for the default locale. */
function textsName(index: number): string {
  return `MODULE_TEXTS_${index}`;
}
