/**
 * The corpus of broken catalogs: every file in test/fixtures/invalid/ with the exact problems
 * errcat must report for it, position and pointer included; then the CLI on a representative
 * subset, which must exit 1, print FILE:LINE:COL lines and leave the output folder untouched.
 *
 * test/fixtures/invalid/included/ holds the files some fixtures `include`; they are not catalogs.
 */
import { closeSync, ftruncateSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogError, formatProblem, generate, type Problem, validate } from "../generator/index.js";
import { MAX_CATALOG_BYTES } from "../generator/load.js";
import { cleanup, cli, copyToTemp, ROOT, tempDir } from "./helpers.js";

const FIXTURES = "test/fixtures/invalid";

interface Want {
  /** The file the problem is in, relative to the fixtures folder, when it is not the catalog itself. */
  readonly file?: string;
  readonly line: number;
  readonly col: number;
  readonly pointer: string;
  /** A string is the exact message; a regex must match it. */
  readonly message: string | RegExp;
}

interface Case {
  readonly file: string;
  /** Every problem, in errcat's order (line, col, message). */
  readonly want: readonly Want[];
}

const PASCAL = "is not a PascalCase identifier: start with A-Z, then only ASCII letters and digits";
const cases: readonly Case[] = [
  // YAML syntax: nothing past the first broken line can be trusted, so only syntax problems are reported.
  {
    file: "syntax-unclosed-quote.yaml",
    want: [{ line: 6, col: 11, pointer: "", message: /quote/i }],
  },
  {
    file: "syntax-unclosed-flow-sequence.yaml",
    want: [{ line: 3, col: 9, pointer: "", message: /\]/ }],
  },
  {
    file: "syntax-unclosed-flow-mapping.yaml",
    want: [{ line: 4, col: 5, pointer: "", message: /\}/ }],
  },
  {
    file: "syntax-bad-indentation.yaml",
    want: [{ line: 6, col: 4, pointer: "", message: /indent/i }],
  },
  {
    file: "syntax-nested-mapping-on-one-line.yaml",
    want: [
      {
        line: 6,
        col: 11,
        pointer: "",
        message:
          'the value of type holds ": ", which YAML reads as the start of another key; quote the whole value: type: "Quota: exceeded"',
      },
    ],
  },
  {
    file: "syntax-undefined-alias.yaml",
    want: [
      {
        line: 7,
        col: 18,
        pointer: "",
        message: "unresolved alias *quotaText: no anchor &quotaText is set before it",
      },
    ],
  },
  {
    file: "unresolved-tag.yaml",
    want: [{ line: 3, col: 8, pointer: "", message: "Unresolved tag: !localized" }],
  },
  {
    file: "tab-indentation.yaml",
    want: [
      {
        line: 6,
        col: 1,
        pointer: "",
        message: "a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
      },
    ],
  },
  {
    file: "duplicate-key-top-level.yaml",
    want: [{ line: 9, col: 1, pointer: "", message: /(unique|duplicate).*\bsuccess\b/i }],
  },
  {
    file: "duplicate-key-in-common-code.yaml",
    want: [{ line: 9, col: 5, pointer: "", message: /(unique|duplicate).*\bcode\b/i }],
  },
  {
    file: "multiple-documents.yaml",
    want: [{ line: 9, col: 1, pointer: "", message: /^(?!.*parseAllDocuments).*\b(one|single)\b.*\bdocument/i }],
  },
  {
    file: "alias-bomb.yaml",
    want: [{ line: 1, col: 1, pointer: "", message: "Excessive alias count indicates a resource exhaustion attack" }],
  },

  // Not a mapping at the top.
  {
    file: "empty.yaml",
    want: [{ line: 1, col: 1, pointer: "", message: /\bempty\b/i }],
  },
  {
    file: "only-comments.yaml",
    want: [{ line: 1, col: 1, pointer: "", message: /\bempty\b|only comments/i }],
  },
  {
    file: "top-level-list.yaml",
    want: [{ line: 1, col: 1, pointer: "", message: "must be an object (found a list)" }],
  },
  {
    file: "top-level-scalar.yaml",
    want: [{ line: 1, col: 1, pointer: "", message: 'must be an object (found the string "errcat catalog")' }],
  },

  // Wrong types and values, field by field.
  {
    file: "format-2.yaml",
    want: [{ line: 1, col: 9, pointer: "/format", message: "must be 1" }],
  },
  {
    file: "success-as-boolean.yaml",
    want: [
      {
        line: 2,
        col: 10,
        pointer: "/success",
        message: "must be a code, a list of codes, or a mapping with absent, when or unless (found boolean true)",
      },
    ],
  },
  {
    file: "success-object-without-absent.yaml",
    want: [
      {
        line: 2,
        col: 12,
        pointer: "/success/code",
        message: 'unknown property "code": success as a mapping takes absent, when or unless',
      },
    ],
  },
  {
    file: "title-empty.yaml",
    want: [{ line: 2, col: 8, pointer: "/title", message: "must NOT have fewer than 1 characters" }],
  },
  {
    file: "common-not-a-list.yaml",
    want: [{ line: 4, col: 3, pointer: "/common", message: "must be an array (found a mapping)" }],
  },
  {
    file: "common-entry-null.yaml",
    want: [{ line: 4, col: 4, pointer: "/common/0", message: "must be an object (found null)" }],
  },
  {
    file: "common-code-string-among-integers.yaml",
    want: [
      {
        line: 9,
        col: 11,
        pointer: "/common/1/code",
        message: `code "4400" is a string, but the other codes of the list are integers: write it without quotes (4400)`,
      },
    ],
  },
  {
    file: "code-string-with-space.yaml",
    want: [
      {
        line: 4,
        col: 11,
        pointer: "/common/0/code",
        message:
          '" InvalidParameter" is not a code: a string code has no control characters and no leading or trailing spaces',
      },
    ],
  },
  {
    file: "common-code-as-float.yaml",
    want: [
      { line: 4, col: 11, pointer: "/common/0/code", message: "must be an integer or a string (found number 4400.5)" },
    ],
  },
  {
    file: "common-code-beyond-safe-integer.yaml",
    want: [{ line: 4, col: 11, pointer: "/common/0/code", message: "must be <= 9007199254740991" }],
  },
  {
    file: "common-name-not-pascal-case.yaml",
    want: [{ line: 5, col: 11, pointer: "/common/0/name", message: `"quotaExceeded" ${PASCAL}` }],
  },
  {
    file: "common-name-digits-first.yaml",
    want: [{ line: 5, col: 11, pointer: "/common/0/name", message: `"429TooManyRequests" ${PASCAL}` }],
  },
  {
    file: "common-name-non-ascii.yaml",
    want: [{ line: 5, col: 11, pointer: "/common/0/name", message: `"KontingentÜberschritten" ${PASCAL}` }],
  },
  {
    file: "fault-unknown.yaml",
    want: [{ line: 8, col: 12, pointer: "/common/0/fault", message: 'must be one of: "client", "server"' }],
  },
  {
    file: "retryable-as-string.yaml",
    want: [{ line: 9, col: 16, pointer: "/common/0/retryable", message: 'must be a boolean (found the string "yes")' }],
  },
  {
    file: "envelope-path-empty-segment.yaml",
    want: [
      {
        line: 4,
        col: 9,
        pointer: "/envelope/code",
        message: '"Response..Code" is not a dotted path such as Response.Error.Code',
      },
      {
        line: 5,
        col: 12,
        pointer: "/envelope/message",
        message: '".message" is not a dotted path such as Response.Error.Code',
      },
    ],
  },
  {
    file: "module-id-bad.yaml",
    want: [
      {
        line: 6,
        col: 13,
        pointer: "/moduleErrors/modules/0/name",
        message:
          '"Storage Box" is not a module id: start with a-z, then ASCII letters and digits, words joined by "-" or "_" (as storageBox, face-pay)',
      },
    ],
  },
  {
    file: "module-code-as-string.yaml",
    want: [
      {
        line: 8,
        col: 19,
        pointer: "/moduleErrors/modules/0/codes/0/code",
        message: 'code "100004" must be an integer: module codes parsed from messages are integers',
      },
    ],
  },
  {
    file: "module-code-name-snake-case.yaml",
    want: [
      {
        line: 8,
        col: 33,
        pointer: "/moduleErrors/modules/0/codes/0/name",
        message: `"incorrect_project_id" ${PASCAL}`,
      },
    ],
  },
  {
    file: "pattern-name-not-camel-case.yaml",
    want: [
      {
        line: 6,
        col: 13,
        pointer: "/moduleErrors/patterns/0/name",
        message: '"Parenthesized" is not a lowerCamelCase pattern name',
      },
    ],
  },
  {
    file: "patterns-empty-list.yaml",
    want: [{ line: 5, col: 13, pointer: "/moduleErrors/patterns", message: "must NOT have fewer than 1 items" }],
  },
  {
    file: "regex-empty.yaml",
    want: [
      { line: 7, col: 14, pointer: "/moduleErrors/patterns/0/regex", message: "must NOT have fewer than 1 characters" },
    ],
  },
  {
    file: "output-enum-style-unknown.yaml",
    want: [{ line: 5, col: 14, pointer: "/output/enumStyle", message: 'must be one of: "enum", "const"' }],
  },

  // Missing required properties: reported at the object that lacks them.
  {
    file: "missing-required-top-level.yaml",
    want: [
      { line: 1, col: 1, pointer: "", message: 'missing required property "common"' },
      { line: 1, col: 1, pointer: "", message: 'missing required property "format"' },
      { line: 1, col: 1, pointer: "", message: 'missing required property "success"' },
    ],
  },
  {
    file: "missing-required-common-code.yaml",
    want: [
      {
        line: 4,
        col: 5,
        pointer: "/common/0",
        message: 'integer code 4400 needs a type, a short title such as "Quota exceeded"',
      },
      { line: 4, col: 5, pointer: "/common/0", message: 'missing required property "description"' },
    ],
  },
  {
    file: "missing-required-module.yaml",
    want: [
      { line: 6, col: 7, pointer: "/moduleErrors/modules/0", message: 'missing required property "codes"' },
      { line: 6, col: 7, pointer: "/moduleErrors/modules/0", message: 'missing required property "name"' },
    ],
  },
  {
    file: "missing-required-pattern-and-example.yaml",
    want: [
      { line: 6, col: 7, pointer: "/moduleErrors/patterns/0", message: 'missing required property "regex"' },
      { line: 8, col: 11, pointer: "/moduleErrors/patterns/0/examples/0", message: 'missing required property "code"' },
      { line: 8, col: 11, pointer: "/moduleErrors/patterns/0/examples/0", message: 'missing required property "text"' },
    ],
  },

  // Unknown properties at every level: reported at the key.
  {
    file: "unknown-property-top-level.yaml",
    want: [{ line: 4, col: 1, pointer: "/version", message: 'unknown property "version"' }],
  },
  {
    file: "unknown-property-common-code.yaml",
    want: [{ line: 9, col: 5, pointer: "/common/0/httpCode", message: 'unknown property "httpCode"' }],
  },
  {
    file: "unknown-property-envelope.yaml",
    want: [{ line: 5, col: 3, pointer: "/envelope/msg", message: 'unknown property "msg"' }],
  },
  {
    file: "unknown-property-with-slash-and-tilde.yaml",
    want: [
      {
        line: 6,
        col: 3,
        pointer: "/envelope/error~1message~0text",
        message: 'unknown property "error/message~text"',
      },
    ],
  },
  // Unknown keys are set aside, so the semantic checks run in the same pass.
  {
    file: "unknown-key-and-duplicate-code.yaml",
    want: [
      {
        line: 4,
        col: 84,
        pointer: "/common/0/retryble",
        message: 'unknown property "retryble"; did you mean retryable?',
      },
      {
        line: 5,
        col: 13,
        pointer: "/common/1/code",
        message: /^duplicate code 4400/,
      },
    ],
  },
  {
    file: "unknown-property-module-errors.yaml",
    want: [
      {
        line: 5,
        col: 3,
        pointer: "/moduleErrors/pattern",
        message: 'unknown property "pattern"; did you mean patterns?',
      },
    ],
  },
  {
    file: "unknown-property-pattern-and-example.yaml",
    want: [
      { line: 8, col: 7, pointer: "/moduleErrors/patterns/0/flags", message: 'unknown property "flags"' },
      {
        line: 10,
        col: 95,
        pointer: "/moduleErrors/patterns/0/examples/0/module",
        message: 'unknown property "module"',
      },
    ],
  },
  {
    file: "unknown-property-module-and-module-code.yaml",
    want: [
      { line: 7, col: 7, pointer: "/moduleErrors/modules/0/id", message: 'unknown property "id"' },
      { line: 9, col: 87, pointer: "/moduleErrors/modules/0/codes/0/level", message: 'unknown property "level"' },
    ],
  },
  {
    file: "unknown-property-output.yaml",
    want: [{ line: 6, col: 3, pointer: "/output/dir", message: 'unknown property "dir"' }],
  },
  {
    file: "unknown-property-null-key.yaml",
    want: [{ line: 4, col: 1, pointer: "", message: "a key is missing or null: every key must be a name" }],
  },
  {
    file: "unknown-property-complex-key.yaml",
    want: [{ line: 4, col: 3, pointer: "", message: "a key must be a plain name, not a list or a mapping" }],
  },
  {
    file: "merge-key.yaml",
    want: [
      {
        line: 5,
        col: 5,
        pointer: "/common/1",
        message: 'integer code 4401 needs a type, a short title such as "Quota exceeded"',
      },
      { line: 5, col: 5, pointer: "/common/1", message: 'missing required property "description"' },
      { line: 5, col: 5, pointer: "/common/1/<<", message: 'unknown property "<<"' },
    ],
  },

  // Semantic rules (generator/validate.ts).
  {
    file: "duplicate-common-code.yaml",
    want: [
      {
        line: 6,
        col: 13,
        pointer: "/common/2/code",
        message: "duplicate code 4400: QuotaExceeded at line 4, col 13 has it already",
      },
    ],
  },
  {
    file: "duplicate-common-name.yaml",
    want: [
      {
        line: 5,
        col: 25,
        pointer: "/common/1/name",
        message: "duplicate name QuotaExceeded: code 4400 at line 4, col 5 has it already",
      },
    ],
  },
  {
    file: "success-code-listed-as-error.yaml",
    want: [{ line: 4, col: 13, pointer: "/common/0/code", message: "0 is a success code and cannot be an error code" }],
  },
  {
    file: "runtime-clash-api.yaml",
    want: [
      {
        line: 5,
        col: 25,
        pointer: "/common/1/name",
        message:
          "common code Api generates ApiError and isApiError, which errcat's runtime defines already; choose another name",
      },
    ],
  },
  {
    file: "runtime-clash-unknown-api.yaml",
    want: [
      {
        line: 4,
        col: 25,
        pointer: "/common/0/name",
        message:
          "common code UnknownApi generates UnknownApiError and isUnknownApiError, which errcat's runtime defines already; choose another name",
      },
    ],
  },
  {
    file: "runtime-clash-malformed-response.yaml",
    want: [
      {
        line: 4,
        col: 25,
        pointer: "/common/0/name",
        message:
          "common code MalformedResponse generates MalformedResponseError and isMalformedResponseError, which errcat's runtime defines already; choose another name",
      },
    ],
  },
  {
    file: "runtime-clash-module.yaml",
    want: [
      {
        line: 4,
        col: 25,
        pointer: "/common/0/name",
        message:
          "common code Module generates ModuleError, which errcat's runtime defines already; choose another name",
      },
    ],
  },
  {
    file: "module-id-face-pay-next-to-facePay.yaml",
    want: [
      {
        line: 9,
        col: 13,
        pointer: "/moduleErrors/modules/1/name",
        message: /^module facePay .*module face-pay at line 6, col 7/,
      },
    ],
  },
  {
    file: "module-id-myAPI-next-to-my-api.yaml",
    want: [
      {
        line: 8,
        col: 13,
        pointer: "/moduleErrors/modules/1/name",
        message: /^module my-api .*module myAPI at line 6, col 7/,
      },
    ],
  },
  {
    file: "duplicate-module.yaml",
    want: [
      {
        line: 9,
        col: 13,
        pointer: "/moduleErrors/modules/1/name",
        message: "duplicate module account: the module at line 6, col 7 has it already",
      },
    ],
  },
  {
    file: "duplicate-module-code.yaml",
    want: [
      {
        line: 9,
        col: 19,
        pointer: "/moduleErrors/modules/0/codes/1/code",
        message: "duplicate code 100004 in module account: IncorrectProjectId at line 8, col 19 has it already",
      },
    ],
  },
  {
    file: "duplicate-module-code-name.yaml",
    want: [
      {
        line: 9,
        col: 33,
        pointer: "/moduleErrors/modules/0/codes/1/name",
        message: "duplicate name ProjectNotFound: code 100001 at line 8, col 11 has it already in module account",
      },
    ],
  },
  {
    file: "duplicate-pattern-name.yaml",
    want: [
      { line: 8, col: 13, pointer: "/moduleErrors/patterns/1/name", message: "duplicate pattern name parenthesized" },
    ],
  },
  {
    file: "regex-does-not-compile.yaml",
    want: [
      {
        line: 7,
        col: 14,
        pointer: "/moduleErrors/patterns/0/regex",
        message: /^the regex does not compile: Invalid regular expression: .*Unterminated group$/,
      },
    ],
  },
  {
    file: "regex-lacks-code-group.yaml",
    want: [
      {
        line: 7,
        col: 14,
        pointer: "/moduleErrors/patterns/0/regex",
        message: "the regex lacks the named group (?<code>…)",
      },
    ],
  },
  {
    file: "regex-lacks-text-group.yaml",
    want: [
      {
        line: 7,
        col: 14,
        pointer: "/moduleErrors/patterns/0/regex",
        message: "the regex lacks the named group (?<text>…)",
      },
    ],
  },
  {
    file: "regex-lacks-both-groups.yaml",
    want: [
      {
        line: 7,
        col: 14,
        pointer: "/moduleErrors/patterns/0/regex",
        message: "the regex lacks the named groups (?<code>…) and (?<text>…)",
      },
    ],
  },
  {
    file: "example-does-not-parse.yaml",
    want: [
      {
        line: 10,
        col: 11,
        pointer: "/moduleErrors/patterns/0/examples/1",
        message:
          'the example "[100004] incorrect projectId" does not parse; expected code 100004, text "incorrect projectId"',
      },
    ],
  },
  {
    file: "example-wrong-code.yaml",
    want: [
      {
        line: 9,
        col: 11,
        pointer: "/moduleErrors/patterns/0/examples/0",
        message:
          'the example "(100004) incorrect projectId" parses to code 100004, text "incorrect projectId"; expected code 100040, text "incorrect projectId"',
      },
    ],
  },
  {
    file: "example-wrong-text.yaml",
    want: [
      {
        line: 9,
        col: 11,
        pointer: "/moduleErrors/patterns/0/examples/0",
        message:
          'the example "(100004)  incorrect projectId " parses to code 100004, text "incorrect projectId "; expected code 100004, text "incorrect projectId"',
      },
    ],
  },
  {
    file: "example-caught-by-earlier-pattern.yaml",
    want: [
      {
        line: 11,
        col: 11,
        pointer: "/moduleErrors/patterns/1/examples/0",
        message: 'the example "(100004) incorrect projectId" is parsed by the earlier pattern anyNumber',
      },
    ],
  },

  // Rules of string codes, reserved and deprecated codes, categories and moduleErrors.in.
  {
    file: "success-integer-with-string-codes.yaml",
    want: [
      {
        line: 2,
        col: 10,
        pointer: "/success",
        message: 'code 0 is read as an integer, but the common codes are strings: quote it ("0")',
      },
    ],
  },
  {
    file: "integer-code-without-name.yaml",
    want: [
      {
        line: 4,
        col: 5,
        pointer: "/common/0",
        message: "integer code 4400 needs a name, a PascalCase identifier such as QuotaExceeded",
      },
    ],
  },
  {
    file: "integer-code-without-type.yaml",
    want: [
      {
        line: 4,
        col: 5,
        pointer: "/common/0",
        message: 'integer code 4400 needs a type, a short title such as "Quota exceeded"',
      },
    ],
  },
  {
    file: "string-code-without-derivable-name.yaml",
    want: [
      {
        line: 7,
        col: 11,
        pointer: "/common/1/code",
        message: 'no identifier can be derived from code "..."; add a name',
      },
    ],
  },
  {
    file: "string-codes-deriving-the-same-name.yaml",
    want: [
      {
        line: 7,
        col: 11,
        pointer: "/common/1/code",
        message:
          'code "QuotaExceeded" derives the name QuotaExceeded, which code "Quota.Exceeded" at line 4, col 5 has too; give one of them an explicit name',
      },
    ],
  },
  {
    file: "category-guard-clash.yaml",
    want: [
      {
        line: 7,
        col: 11,
        pointer: "/common/1/code",
        message:
          /^category Invalid-Parameter generates isInvalidParameterCategory, which category InvalidParameter at line 4, col 5 defines already/,
      },
    ],
  },
  {
    file: "reserved-code-reused.yaml",
    want: [
      {
        line: 5,
        col: 13,
        pointer: "/common/0/code",
        message: "code 4400 is reserved at line 3, col 18 and may not be reused",
      },
      {
        line: 11,
        col: 19,
        pointer: "/moduleErrors/modules/0/codes/0/code",
        message: "code 100001 is reserved in module account at line 9, col 18 and may not be reused",
      },
    ],
  },
  {
    file: "deprecated-replaced-by-itself-or-missing.yaml",
    want: [
      { line: 9, col: 56, pointer: "/common/0/deprecated/replacedBy", message: "a code cannot be replaced by itself" },
      {
        line: 15,
        col: 59,
        pointer: "/common/1/deprecated/replacedBy",
        message: "the replacement 4402 is not a code of this list",
      },
    ],
  },
  {
    file: "module-code-kind-with-in-code.yaml",
    want: [
      {
        line: 12,
        col: 19,
        pointer: "/moduleErrors/modules/0/codes/0/code",
        message:
          'code 100004 is read as an integer, but module codes arrive in the code field, like the common codes: quote it ("100004")',
      },
    ],
  },

  // Locales.
  {
    file: "locale-default-not-declared.yaml",
    want: [
      {
        line: 3,
        col: 16,
        pointer: "/defaultLocale",
        message: "the default locale fr is not one of the locales (en, zh)",
      },
    ],
  },
  {
    file: "locale-missing-and-undeclared.yaml",
    want: [
      { line: 8, col: 11, pointer: "/common/0/type", message: "missing the locale zh (declared: en, zh)" },
      {
        line: 9,
        col: 59,
        pointer: "/common/0/description/fr",
        message: "the locale fr is not declared in locales (en, zh)",
      },
    ],
  },
  {
    file: "locale-bad-key-and-list.yaml",
    want: [
      { line: 2, col: 15, pointer: "/locales/1", message: '"Chinese" is not a locale such as en, zh or pt-BR' },
      { line: 3, col: 37, pointer: "/title/english", message: '"english" is not a locale such as en, zh or pt-BR' },
    ],
  },

  // include: problems in included files are reported in those files.
  {
    file: "include-matches-no-file.yaml",
    want: [
      {
        line: 4,
        col: 11,
        pointer: "/include/0",
        message: 'include "included/no-such-*.yaml" matches no file',
      },
    ],
  },
  {
    file: "include-file-with-schema-problem.yaml",
    want: [
      {
        file: "included/storage-box-with-unknown-property.yaml",
        line: 3,
        col: 5,
        pointer: "/modules/0/owner",
        message: 'unknown property "owner"',
      },
    ],
  },
  {
    file: "include-duplicate-module-across-files.yaml",
    want: [
      {
        file: "included/account-module.yaml",
        line: 3,
        col: 11,
        pointer: "/modules/0/name",
        message:
          /^duplicate module account: the module at \S*test\/fixtures\/invalid\/include-duplicate-module-across-files\.yaml:6:7 has it already$/,
      },
    ],
  },
  {
    file: "include-self.yaml",
    want: [{ line: 4, col: 11, pointer: "/include/0", message: /itself/ }],
  },

  // Several problems at once: all of them, in one pass.
  {
    file: "several-schema-problems.yaml",
    want: [
      { line: 1, col: 9, pointer: "/format", message: "must be 1" },
      {
        line: 2,
        col: 10,
        pointer: "/success",
        message: "must be a code, a list of codes, or a mapping with absent, when or unless (found number 1.5)",
      },
      { line: 4, col: 5, pointer: "/common/0", message: 'missing required property "description"' },
      { line: 8, col: 16, pointer: "/common/0/retryable", message: 'must be a boolean (found the string "sometimes")' },
      { line: 10, col: 11, pointer: "/common/1/name", message: `"internalError" ${PASCAL}` },
      { line: 11, col: 11, pointer: "/common/1/type", message: "must NOT have fewer than 1 characters" },
      { line: 13, col: 12, pointer: "/common/1/fault", message: 'must be one of: "client", "server"' },
      {
        line: 18,
        col: 19,
        pointer: "/moduleErrors/modules/0/codes/0/code",
        message: "must be an integer or a string (found number 1.5)",
      },
      {
        line: 18,
        col: 84,
        pointer: "/moduleErrors/modules/0/codes/0/module",
        message: 'unknown property "module"',
      },
      { line: 19, col: 1, pointer: "/colour", message: 'unknown property "colour"' },
    ],
  },
  {
    file: "several-semantic-problems.yaml",
    want: [
      {
        line: 5,
        col: 13,
        pointer: "/common/1/code",
        message: "duplicate code 4400: QuotaExceeded at line 4, col 13 has it already",
      },
      { line: 6, col: 13, pointer: "/common/2/code", message: "0 is a success code and cannot be an error code" },
      {
        line: 7,
        col: 25,
        pointer: "/common/3/name",
        message:
          "common code Api generates ApiError and isApiError, which errcat's runtime defines already; choose another name",
      },
      {
        line: 13,
        col: 11,
        pointer: "/moduleErrors/patterns/0/examples/0",
        message:
          'the example "<100004> incorrect projectId" does not parse; expected code 100004, text "incorrect projectId"',
      },
      {
        line: 15,
        col: 14,
        pointer: "/moduleErrors/patterns/1/regex",
        message: "the regex lacks the named group (?<text>…)",
      },
      {
        line: 20,
        col: 19,
        pointer: "/moduleErrors/modules/0/codes/1/code",
        message: "duplicate code 100004 in module account: IncorrectProjectId at line 19, col 19 has it already",
      },
      {
        line: 21,
        col: 13,
        pointer: "/moduleErrors/modules/1/name",
        message: "duplicate module account: the module at line 17, col 7 has it already",
      },
    ],
  },

  // Positions stay right with a BOM, CRLF line ends and characters outside the BMP.
  {
    file: "bom-format-and-fault.yaml",
    want: [
      { line: 1, col: 9, pointer: "/format", message: "must be 1" },
      { line: 4, col: 102, pointer: "/common/0/fault", message: 'must be one of: "client", "server"' },
    ],
  },
  {
    file: "bom-duplicate-common-code.yaml",
    want: [
      {
        line: 5,
        col: 13,
        pointer: "/common/1/code",
        message: "duplicate code 4400: QuotaExceeded at line 4, col 13 has it already",
      },
    ],
  },
  {
    file: "crlf-duplicate-common-code.yaml",
    want: [
      {
        line: 14,
        col: 11,
        pointer: "/common/2/code",
        message: "duplicate code 4400: QuotaExceeded at line 4, col 11 has it already",
      },
    ],
  },
  {
    file: "crlf-bom-fault-and-unknown-property.yaml",
    want: [
      { line: 8, col: 12, pointer: "/common/0/fault", message: 'must be one of: "client", "server"' },
      { line: 9, col: 5, pointer: "/common/0/httpCode", message: 'unknown property "httpCode"' },
    ],
  },
  {
    file: "crlf-unclosed-quote.yaml",
    want: [{ line: 6, col: 11, pointer: "", message: /quote/i }],
  },
  {
    // Columns count UTF-16 code units, as editors do: each 😀 is two.
    file: "emoji-before-error.yaml",
    want: [{ line: 4, col: 100, pointer: "/common/0/fault", message: 'must be one of: "client", "server"' }],
  },
];

/** The fixtures that also run through the CLI: one or more per stage, and every kind of file. */
const CLI_SUBSET: readonly string[] = [
  "syntax-unclosed-quote.yaml",
  "tab-indentation.yaml",
  "duplicate-key-top-level.yaml",
  "empty.yaml",
  "multiple-documents.yaml",
  "several-schema-problems.yaml",
  "several-semantic-problems.yaml",
  "module-id-face-pay-next-to-facePay.yaml",
  "bom-format-and-fault.yaml",
  "crlf-duplicate-common-code.yaml",
  "include-file-with-schema-problem.yaml",
  "unknown-property-complex-key.yaml",
];

/** The problems `validate` throws for a file; fails when it throws anything else or nothing. */
function problemsOf(file: string): readonly Problem[] {
  try {
    validate(file);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  throw new Error(`${file} is valid`);
}

/** `want` as `validate` reports it for the catalog `path` (and the files it includes, next to it). */
function expected(path: string, want: readonly Want[]) {
  return want.map(({ file, line, col, pointer, message }) => ({
    message: typeof message === "string" ? message : expect.stringMatching(message),
    location: { file: file === undefined ? path : join(dirname(path), file), line, col, pointer },
  }));
}

/** Every file and folder under `dir` with its bytes (and, with `times`, its modification time), by relative path. */
function snapshot(dir: string, times = true): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (relative: string) => {
    const names = readdirSync(join(dir, relative)).sort();
    for (const name of names) {
      const path = relative === "" ? name : `${relative}/${name}`;
      const stat = statSync(join(dir, path));
      if (stat.isDirectory()) {
        found[`${path}/`] = times ? `folder ${stat.mtimeMs}` : "folder";
        walk(path);
      } else {
        const bytes = readFileSync(join(dir, path)).toString("base64");
        found[path] = times ? `${stat.mtimeMs} ${bytes}` : bytes;
      }
    }
  };
  walk("");
  return found;
}

afterAll(cleanup);

describe("the corpus", () => {
  it("has a case for every fixture and a fixture for every case", () => {
    const files = readdirSync(join(ROOT, FIXTURES), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
    expect(cases.map((entry) => entry.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(45);
    for (const file of CLI_SUBSET) expect(files).toContain(file);
    const problems = cases.reduce((sum, entry) => sum + entry.want.length, 0);
    console.info(
      `invalid corpus: ${files.length} committed catalogs with ${problems} located problems, plus 7 files made at test time`,
    );
  });

  it("keeps real CRLF line ends and BOMs in the files that test them", () => {
    for (const file of cases.map((entry) => entry.file)) {
      const bytes = readFileSync(join(ROOT, FIXTURES, file));
      const text = bytes.toString("latin1");
      const lines = text.split("\n").length - 1;
      const crlfs = text.split("\r\n").length - 1;
      if (file.includes("crlf")) expect(crlfs, file).toBe(lines);
      else expect(crlfs, file).toBe(0);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), file).toBe(/(^|-)bom-/.test(file));
    }
  });
});

describe("validate reports exactly these problems", () => {
  for (const { file, want } of cases) {
    const path = join(ROOT, FIXTURES, file);
    it(file, () => {
      expect(problemsOf(path)).toEqual(expected(path, want));
    });
  }
});

describe("how the catalog path is spelled", () => {
  // errcat compares the given path with the paths its include globs expand to, joined and normalised.
  it("does not change the verdict on a catalog that includes itself", () => {
    const plain = `${FIXTURES}/include-self.yaml`;
    const outcome = (file: string) => {
      try {
        validate(file);
        return "valid";
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        return error.problems.map((problem) => problem.message).join("\n");
      }
    };
    expect(outcome(`./${plain}`)).toBe(outcome(plain));
  });

  it("does not change the problems of an ordinary broken catalog", () => {
    const plain = `${FIXTURES}/several-semantic-problems.yaml`;
    const messages = (file: string) => problemsOf(file).map((problem) => problem.message);
    expect(messages(`./${plain}`)).toEqual(messages(plain));
    expect(problemsOf(`./${plain}`)[0]?.location.file).toBe(`./${plain}`);
  });
});

describe("files that are not YAML text, made at test time", () => {
  const refused = (file: string, message: string) => {
    expect(problemsOf(file)).toEqual([{ message, location: { file, line: 1, col: 1, pointer: "" } }]);
  };

  it("refuses a file with NUL bytes", () => {
    const file = join(tempDir(), "nul.yaml");
    writeFileSync(file, Buffer.from("format: 1\nsuccess: 0\0\0\0\ncommon: []\n", "latin1"));
    refused(file, "the catalog is not text: it contains NUL bytes");
  });

  it("refuses a file that is not UTF-8 (Latin-1)", () => {
    const file = join(tempDir(), "latin1.yaml");
    writeFileSync(
      file,
      Buffer.from("format: 1\nsuccess: 0\ntitle: Kontingent \xdcberschritten\ncommon: []\n", "latin1"),
    );
    refused(file, "the catalog is not UTF-8 text");
  });

  it("refuses a UTF-16 file", () => {
    const file = join(tempDir(), "utf16.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("format: 1\n", "utf16le")]));
    refused(file, "the catalog is not UTF-8 text");
  });

  it("refuses a file one byte over MAX_CATALOG_BYTES before reading it", () => {
    const file = join(tempDir(), "huge.yaml");
    const fd = openSync(file, "w");
    ftruncateSync(fd, MAX_CATALOG_BYTES + 1);
    closeSync(fd);
    refused(file, `the catalog is ${MAX_CATALOG_BYTES + 1} bytes; the limit is ${MAX_CATALOG_BYTES} bytes (32 MiB)`);
  });

  it("reads a file of exactly MAX_CATALOG_BYTES (and then finds it is not text)", () => {
    const file = join(tempDir(), "limit.yaml");
    const fd = openSync(file, "w");
    ftruncateSync(fd, MAX_CATALOG_BYTES);
    closeSync(fd);
    refused(file, "the catalog is not text: it contains NUL bytes");
  });

  it("refuses a missing file and a folder", () => {
    const dir = tempDir();
    refused(join(dir, "missing.yaml"), "cannot read the catalog: no such file (ENOENT)");
    refused(dir, "not a file");
  });
});

describe("the CLI refuses broken catalogs and leaves the output folder untouched", () => {
  let previous: string;

  beforeAll(() => {
    previous = tempDir();
    generate({ schema: join(ROOT, "schema/error-codes.yaml"), out: previous });
    expect(Object.keys(snapshot(previous))).toContain(".errcat-manifest.json");
  });

  /** Runs `generate` on `file` as given; checks exit code, stdout, stderr and the output folder. */
  const refuses = (file: string) => {
    const out = copyToTemp(previous);
    const before = snapshot(out);
    const result = cli(["generate", "--schema", file, "--out", out]);
    const problems = problemsOf(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.pop()).toBe(`${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was written.`);
    expect(lines).toEqual(problems.map(formatProblem));
    // Each line names the catalog exactly as passed, or a file it includes, which lies under the catalog's folder.
    for (const [index, line] of lines.entries()) {
      const named = problems[index]?.location.file ?? "";
      expect(named === file || named.startsWith(`${dirname(file)}/included/`), line).toBe(true);
      expect(line.startsWith(`${named}:`), line).toBe(true);
      expect(line.slice(named.length), line).toMatch(/^:\d+:\d+: \S/);
    }
    expect(snapshot(out)).toEqual(before);
    expect(snapshot(out, false)).toEqual(snapshot(previous, false));
  };

  for (const name of CLI_SUBSET) {
    const file = `${FIXTURES}/${name}`;
    it(file, () => refuses(file));
  }

  it("a binary file", () => {
    const file = join(tempDir(), "binary.yaml");
    writeFileSync(file, Buffer.from([0x66, 0x6f, 0x72, 0x00, 0xff, 0x01, 0x0a]));
    refuses(file);
  });

  it("a file over MAX_CATALOG_BYTES", () => {
    const file = join(tempDir(), "huge.yaml");
    const fd = openSync(file, "w");
    ftruncateSync(fd, MAX_CATALOG_BYTES + 1);
    closeSync(fd);
    refuses(file);
  });
});
