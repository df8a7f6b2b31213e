import type { CodeValue } from "../catalog.js";
import type { CatalogModel } from "../model.js";
import type { Location } from "../problems.js";
import type { Locate } from "../reporter.js";

export type { Locate };

export type Severity = "breaking" | "safe";
export type Bump = "major" | "minor" | "patch" | "none";
export type DiffFormat = "text" | "json" | "github";

const rule = (severity: Severity, bump: Exclude<Bump, "none">, summary: string) => ({ severity, bump, summary });

/**
 * Every rule of `errcat diff`, by stable id: whether it breaks generated clients, and the semver
 * bump it calls for. Like `buf breaking`, codes are keyed by scope and value, never by name.
 */
export const RULES = {
  CODE_DELETED: rule("breaking", "major", "a code, and so its exports, was deleted without being reserved"),
  CODE_RESERVED: rule(
    "breaking",
    "major",
    "a code was deleted and reserved: the value is protected, its exports are gone",
  ),
  CODE_NAME_CHANGED: rule("breaking", "major", "a code's name, and so its enum member, class and guard, changed"),
  CODE_KIND_CHANGED: rule("breaking", "major", "codes changed between integers and strings"),
  FAULT_CHANGED: rule("breaking", "major", "a common code's fault changed"),
  RETRYABLE_CHANGED: rule("breaking", "major", "a common code's retryable changed"),
  MODULE_DELETED: rule("breaking", "major", "a module was deleted or renamed"),
  SUCCESS_CHANGED: rule("breaking", "major", "what means success changed"),
  ENVELOPE_CHANGED: rule("breaking", "major", "a path of the response envelope changed"),
  MODULE_ERRORS_IN_CHANGED: rule("breaking", "major", "module codes moved between the message and the code field"),
  ENUM_STYLE_CHANGED: rule("breaking", "major", "output.enumStyle changed"),
  PATTERN_REMOVED: rule("breaking", "major", "a module-message pattern was removed or renamed"),
  EXAMPLE_NO_LONGER_PARSES: rule("breaking", "major", "an old pattern example parses differently, or not at all"),
  RESERVED_DELETED: rule("breaking", "major", "a reserved code is no longer reserved, so it may be reused"),
  LOCALE_REMOVED: rule("breaking", "major", "a locale was removed from the Locale type"),
  DEFAULT_LOCALE_CHANGED: rule("breaking", "major", "the default locale, and so every default text, changed"),
  CATALOG_ID_CHANGED: rule(
    "breaking",
    "major",
    "the catalog id (without one, the title), the brand of every error, changed",
  ),
  HTTP_STATUS_CHANGED: rule("breaking", "major", "a code's HTTP status, or the catalog's default, changed"),
  CLASS_NAME_CHANGED: rule("breaking", "major", "a code's class, and so its guard, was renamed"),
  ALIAS_REMOVED: rule("breaking", "major", "an alias, an enum member and a guard, was removed"),
  CATEGORY_DELETED: rule("breaking", "major", "a category, its class and guard, was deleted or its prefix changed"),
  CATEGORY_CHANGED: rule("breaking", "major", "a category's name, fault, retryable or HTTP status changed"),
  FIELD_REMOVED: rule("breaking", "major", "an extra field was removed, or now reads another path"),
  CODE_ADDED: rule("safe", "minor", "a code was added"),
  CODE_DEPRECATED: rule("safe", "minor", "a code was deprecated"),
  CODE_UNDEPRECATED: rule("safe", "minor", "a code is no longer deprecated"),
  MODULE_ADDED: rule("safe", "minor", "a module was added"),
  PATTERN_ADDED: rule("safe", "minor", "a module-message pattern was added"),
  PATTERN_CHANGED: rule("safe", "minor", "a pattern's regex changed, its old examples still parse alike"),
  LOCALE_ADDED: rule("safe", "minor", "a locale was added"),
  DESCRIPTION_CHANGED: rule("safe", "patch", "a code's description changed"),
  TYPE_CHANGED: rule("safe", "patch", "a common code's type text changed"),
  DEPRECATION_CHANGED: rule("safe", "patch", "a deprecation's reason or replacement changed"),
  MODULE_TITLE_CHANGED: rule("safe", "patch", "a module's title changed"),
  TITLE_CHANGED: rule("safe", "patch", "the catalog title changed, and the catalog id did not"),
  RESERVED_ADDED: rule("safe", "patch", "an unused code was reserved"),
  ALIAS_ADDED: rule("safe", "minor", "an alias was added"),
  CATEGORY_ADDED: rule("safe", "minor", "a category was added"),
  FIELD_ADDED: rule("safe", "minor", "an extra field was added"),
} as const;

export type RuleId = keyof typeof RULES;

/** One difference between two catalogs, located in the new catalog, or in the old one for deletions. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** `common`, a module id, or `catalog` for catalog-wide settings and patterns. */
  readonly scope: string;
  readonly code?: CodeValue;
  readonly message: string;
  readonly location: Location;
  /**
   * For a finding located in the old catalog (a deletion): where it shows in the new one, the
   * list that held it (or the file's first line). GitHub can only annotate files of the pull request.
   */
  readonly annotation?: Location;
}

/** A validated catalog and a way to point into its files. */
export interface CatalogSide {
  readonly model: CatalogModel;
  readonly locate: Locate;
}
