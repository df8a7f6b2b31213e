/**
 * Every identifier errcat derives from a catalog is spelled here, once.
 * The model calls these; emitters only read the results.
 */

/** Splits a module id into words: `storageBox` → `storage`, `box`; `face-pay` → `face`, `pay`. */
function words(id: string): string[] {
  return id
    .split(/[-_]/)
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter((word) => word !== "");
}

/** `storageBox` → `StorageBox`, `face-pay` → `FacePay`, `cvm-v20170312` → `CvmV20170312`. */
export function pascalCase(id: string): string {
  return words(id)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

/** `storageBox` → `STORAGE_BOX`, `face-pay` → `FACE_PAY`. */
export function constantCase(id: string): string {
  return words(id)
    .map((word) => word.toUpperCase())
    .join("_");
}

/** The class of a common code: `QuotaExceeded` → `QuotaExceededError`. */
export const errorClassName = (name: string): string => `${name}Error`;

/** The guard of a common code's class: `QuotaExceeded` → `isQuotaExceededError`. */
export const errorGuardName = (name: string): string => `is${errorClassName(name)}`;

/** The names errcat derives for one module. */
export function moduleNames(id: string) {
  const pascal = pascalCase(id);
  return {
    pascal,
    enumName: `${pascal}ModuleErrorCode`,
    guardName: `is${pascal}ModuleErrorCode`,
    constName: `${constantCase(id)}_MODULE_ERRORS`,
    /** Lower-case kebab, so ids that differ only in case or separators cannot share a file. */
    fileStem: words(id)
      .map((word) => word.toLowerCase())
      .join("-"),
  };
}

/**
 * Names the generated runtime defines itself. A catalog name deriving any of these would clash:
 * `Api` → `ApiError`, `UnknownApi` → `UnknownApiError`, `MalformedResponse` → `MalformedResponseError`.
 */
export const RUNTIME_EXPORTS: readonly string[] = [
  "API_ERROR_BRAND",
  "ApiError",
  "ApiErrorInit",
  "ApiErrorMeta",
  "CATALOG_ID",
  "COMMON_ERRORS",
  "CommonErrorClasses",
  "CommonErrorCode",
  "CommonErrorInfo",
  "DEFAULT_LOCALE",
  "Deprecation",
  "Description",
  "ErrorFromResponseOptions",
  "Fault",
  "LOCALES",
  "Locale",
  "MODULES",
  "MalformedResponseError",
  "MatchHandlers",
  "ModuleCode",
  "ModuleError",
  "ModuleErrorInfo",
  "ModuleInfo",
  "ModuleName",
  "ParsedModuleMessage",
  "SUCCESS_CODE",
  "UnknownApiError",
  "UnknownCodeListener",
  "commonErrorInfo",
  "describe",
  "errorFromResponse",
  "isApiError",
  "isCommonErrorCode",
  "isMalformedResponseError",
  "isModuleName",
  "isUnknownApiError",
  "matchError",
  "moduleErrorInfo",
  "onUnknownCode",
  "parseModuleMessage",
];

/**
 * The name a string code gets when the catalog gives none: segments split at anything but
 * letters and digits, each capitalised, an all-capitals word made Pascal.
 * `InvalidParameter.ProjectIdNotExist` → `InvalidParameterProjectIdNotExist`,
 * `NOT_SUPPORT_THIS_ACTION` → `NotSupportThisAction`, `MissingParameter.cmq` → `MissingParameterCmq`,
 * `InternalError.` → `InternalError`. `undefined` when nothing usable is left.
 */
export function nameFromCode(code: string): string | undefined {
  const name = code
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => (/^[A-Z0-9]+$/.test(word) && /[A-Z]{2}/.test(word) ? word[0] + word.slice(1).toLowerCase() : word))
    .map((word) => (word[0] ?? "").toUpperCase() + word.slice(1))
    .join("");
  if (name === "") return undefined;
  return /^[0-9]/.test(name) ? `Code${name}` : name;
}

/** The category of a dotted string code: its first segment, `InvalidParameter.Foo` → `InvalidParameter`. */
export function categoryOf(code: string): string | undefined {
  const dot = code.indexOf(".");
  return dot > 0 ? code.slice(0, dot) : undefined;
}

/** The guard of a category: `InvalidParameter` → `isInvalidParameterCategory`. */
export const categoryGuardName = (category: string): string => `is${nameFromCode(category) ?? category}Category`;

/**
 * The permalink of a code on the reference page and in the docs, unique across the page:
 * - a common integer code is itself, a negative one spelled `minus`: `4400`, `minus1`;
 * - a module's integer code follows its file stem and a dash: `account-100004`, `account-minus1`;
 * - a common string code is itself: `AuthFailure.SignatureExpire`, `https://example.com/probs/out-of-credit`;
 * - a module's string code follows its file stem and a colon: `cvm:InvalidParameter.ZoneNotExist`.
 * In string codes every character outside `[A-Za-z0-9._/:-]` is written `~` and four hex digits
 * (`~` itself included), so no two codes share an anchor. Common anchors of integer codes hold
 * neither `-` nor `:`, and module anchors always hold one: they cannot meet. A common string code
 * spelled like a module anchor (`account-100004` beside a module `account`) is `strict`: its dashes
 * and colons are escaped too.
 */
export function codeAnchor(
  scope: { readonly module?: string; readonly strict?: boolean },
  code: number | string,
): string {
  if (typeof code === "number") {
    const value = code < 0 ? `minus${-code}` : String(code);
    return scope.module === undefined ? value : `${scope.module}-${value}`;
  }
  const kept = scope.strict ? /[^A-Za-z0-9._/]/g : /[^A-Za-z0-9._/:-]/g;
  const value = code.replace(kept, (char) => `~${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return scope.module === undefined ? value : `${scope.module}:${value}`;
}

/**
 * The anchor earlier versions gave a code, kept as an alias so old links still land:
 * `code-4400`, `m-account--100004`, `code-minus-1`.
 */
export function legacyCodeAnchor(scope: { readonly module?: string }, code: number | string): string {
  const prefix = scope.module === undefined ? "code-" : `m-${scope.module}--`;
  if (typeof code === "number") return `${prefix}${code < 0 ? `minus-${-code}` : code}`;
  return prefix + code.replace(/[^A-Za-z0-9._-]/g, (char) => `~${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
