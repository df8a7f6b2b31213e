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

/**
 * The class of a common code: `QuotaExceeded` → `QuotaExceededError`; a name that ends in `Error`
 * already keeps it once: `InternalError` → `InternalError`, not `InternalErrorError`.
 */
export const errorClassName = (name: string): string => (/.Error$/.test(name) ? name : `${name}Error`);

/** The guard of a class: `QuotaExceededError` → `isQuotaExceededError`. */
export const errorGuardName = (className: string): string => `is${className}`;

/** The names of a declared category: `IntegrityConstraintViolation` → its guard and class. */
export function categoryNames(name: string) {
  return { guardName: `is${name}Category`, className: `${name}CategoryError` };
}

/** The names errcat derives for one module. */
export function moduleNames(id: string) {
  const pascal = pascalCase(id);
  return {
    pascal,
    enumName: `${pascal}ModuleErrorCode`,
    guardName: `is${pascal}ModuleErrorCode`,
    constName: `${constantCase(id)}_MODULE_ERRORS`,
    /** The module's lean table, `accountModule`: codes and names without texts. */
    tableName: `${pascal.charAt(0).toLowerCase()}${pascal.slice(1)}Module`,
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
  "CategoryApiError",
  "CategoryErrorClasses",
  "CategoryHandlers",
  "CodeHandlers",
  "CommonErrorClasses",
  "CommonErrorClassesByCode",
  "CommonErrorCode",
  "CommonErrorInfo",
  "DEFAULT_LOCALE",
  "Deprecation",
  "Description",
  "ErrorFields",
  "ErrorFromCodeInit",
  "ErrorFromHttpOptions",
  "ErrorFromResponseOptions",
  "ErrorParser",
  "ExhaustiveHandlers",
  "Fault",
  "FieldValue",
  "HeadersLike",
  "HttpError",
  "HttpErrorInit",
  "HttpFailure",
  "HttpResponseLike",
  "KnownApiError",
  "LOCALES",
  "ListedApiError",
  "ListedError",
  "ListedErrorClass",
  "Locale",
  "MODULES",
  "MODULE_TABLES",
  "MalformedResponseError",
  "MalformedResponseInit",
  "MatchHandlers",
  "ModuleCode",
  "ModuleError",
  "ModuleErrorCodes",
  "ModuleErrorInfo",
  "ModuleErrorNames",
  "ModuleErrorOf",
  "ModuleInfo",
  "ModuleName",
  "ModuleOverride",
  "ModuleTable",
  "ModuleTexts",
  "ParsedModuleMessage",
  "PartialHandlers",
  "ResponseApiError",
  "ResponseContext",
  "RetryOptions",
  "RetrySignal",
  "SUCCESS_CODE",
  "SUCCESS_CODES",
  "UnknownApiError",
  "UnknownCodeListener",
  "UnmatchedError",
  "WireResponse",
  "WithModule",
  "categoryPrefixOf",
  "commonErrorInfo",
  "createErrorParser",
  "describe",
  "describeModuleCode",
  "errorFromCode",
  "errorFromHttp",
  "errorFromResponse",
  "formatModuleMessage",
  "isApiError",
  "isCommonErrorCode",
  "isHttpError",
  "isMalformedResponseError",
  "isModuleName",
  "isUnknownApiError",
  "matchError",
  "moduleErrorInfo",
  "modulesWithCode",
  "onUnknownCode",
  "parseModuleMessage",
  "withRetry",
];

/**
 * The name a string code gets when the catalog gives none: segments split at anything but
 * letters and digits, each capitalised, an all-capitals word made Pascal.
 * `InvalidParameter.ProjectIdNotExist` → `InvalidParameterProjectIdNotExist`,
 * `NOT_SUPPORT_THIS_ACTION` → `NotSupportThisAction`, `MissingParameter.cmq` → `MissingParameterCmq`,
 * `InternalError.` → `InternalError`. `undefined` when nothing usable is left.
 */
export function nameFromCode(code: string): string | undefined {
  const name = (isUriCode(code) ? lastPathSegment(code) : code)
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => (/^[A-Z0-9]+$/.test(word) && /[A-Z]{2}/.test(word) ? word[0] + word.slice(1).toLowerCase() : word))
    .map((word) => (word[0] ?? "").toUpperCase() + word.slice(1))
    .join("");
  if (name === "") return undefined;
  return /^[0-9]/.test(name) ? `Code${name}` : name;
}

/** Whether a string code is a URI (`https://example.com/probs/out-of-credit`, `about:blank`), never split at dots. */
export function isUriCode(code: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|about:|urn:|tag:)/i.test(code);
}

/** `https://example.com/probs/out-of-credit` → `out-of-credit`; `about:blank` → `blank`. */
function lastPathSegment(uri: string): string {
  const path = uri.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf(":")) + 1);
}

/**
 * Whether a name derived from a code reads well: its first letter or digit is a letter, and a code
 * with digits holds a run of three letters (`PGRST116` → `Pgrst116`). `23505`, `0A000` and `HV00N`
 * need a name of their own.
 */
export function derivesReadableName(code: string): boolean {
  const source = isUriCode(code) ? lastPathSegment(code) : code;
  return /^[^A-Za-z0-9]*[A-Za-z]/.test(source) && (!/[0-9]/.test(source) || /[A-Za-z]{3}/.test(source));
}

/** The section id of a category: `category-23`, `category-InvalidParameter`. */
export function categoryAnchor(prefix: string): string {
  return `category-${prefix.replace(/[^A-Za-z0-9._-]/g, (char) => `~${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}`;
}

/** The category of a dotted string code: its first segment, `InvalidParameter.Foo` → `InvalidParameter`. */
export function categoryOf(code: string): string | undefined {
  const dot = code.indexOf(".");
  return dot > 0 ? code.slice(0, dot) : undefined;
}

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
