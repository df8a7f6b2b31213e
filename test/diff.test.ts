/**
 * `errcat diff`: one case per rule (old catalog, new catalog, the exact findings), the version bump
 * of each class, the three output formats, and reading the old catalog from a git ref.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffCatalogs } from "../generator/diff/compare.js";
import { bumpOf, formatDiff, formatFindingForGithub } from "../generator/diff/format.js";
import { type Bump, type Finding, RULES, type RuleId } from "../generator/diff/rules.js";
import { DiffSourceError, readCatalogAtRef, readCatalogSide } from "../generator/diff/source.js";
import { CatalogError } from "../generator/problems.js";
import { cleanup, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

// Line numbers matter: the cases below point at them.
const BASE = String.raw`format: 1
title: Test API
success: 0
envelope: { code: code, message: message, requestId: requestId }
reserved: [4900]
common:
  - code: 4400
    name: QuotaExceeded
    type: Quota exceeded
    description: Too many requests.
    fault: client
    retryable: true
  - code: 6000
    name: InternalError
    type: Internal error
    description: The server failed.
    fault: server
moduleErrors:
  patterns:
    - name: parenthesized
      regex: '^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$'
      examples:
        - { message: "(100004) incorrect projectId", code: 100004, text: incorrect projectId }
  modules:
    - name: account
      title: Account
      reserved: [100009]
      codes:
        - { code: 100004, name: IncorrectProjectId, description: incorrect projectId }
    - name: storage
      codes:
        - { code: 20001, name: ObjectTooLarge, description: the object is too large }
`;

/** `text` with each `[from, to]` replaced once; a `from` that is not there fails the test. */
function edit(text: string, ...edits: readonly (readonly [string, string])[]): string {
  return edits.reduce((result, [from, to]) => {
    if (!result.includes(from)) throw new Error(`not in the catalog: ${from}`);
    return result.replace(from, () => to);
  }, text);
}

const QUOTA_BLOCK = `  - code: 4400
    name: QuotaExceeded
`;
const INTERNAL_BLOCK = `  - code: 6000
    name: InternalError
    type: Internal error
    description: The server failed.
    fault: server
`;
const ACCOUNT_CODE = "        - { code: 100004, name: IncorrectProjectId, description: incorrect projectId }\n";
const STORAGE_MODULE = `    - name: storage
      codes:
        - { code: 20001, name: ObjectTooLarge, description: the object is too large }
`;
const REGEX = String.raw`'^\((?<code>-?\d+)\)\s*(?<text>[\s\S]*)$'`;
const BRACKETED = String.raw`    - name: bracketed
      regex: '^\[(?<code>-?\d+)\]\s*(?<text>[\s\S]*)$'
`;
const LOCALES = ["title: Test API\n", "title: Test API\nlocales: [en, zh]\n"] as const;

interface Want {
  readonly rule: RuleId;
  readonly scope: string;
  readonly code?: number | string;
  /** Which catalog the finding points into. */
  readonly at: "old" | "new";
  readonly line: number;
  readonly pointer: string;
  readonly message: string;
}

interface Case {
  readonly name: string;
  readonly old: string;
  readonly new: string;
  /** Every finding, in errcat's order: breaking first. */
  readonly want: readonly Want[];
}

const cases: readonly Case[] = [
  {
    name: "a common code deleted",
    old: BASE,
    new: edit(BASE, [INTERNAL_BLOCK, ""]),
    want: [
      {
        rule: "CODE_DELETED",
        scope: "common",
        code: 6000,
        at: "old",
        line: 13,
        pointer: "/common/1",
        message:
          "common code 6000 (InternalError) was deleted; its exports are gone, and its value may be reused: add 6000 to the top-level reserved list",
      },
    ],
  },
  {
    name: "a module code deleted",
    old: BASE,
    new: edit(BASE, [`      codes:\n${ACCOUNT_CODE}`, "      codes: []\n"]),
    want: [
      {
        rule: "CODE_DELETED",
        scope: "account",
        code: 100004,
        at: "old",
        line: 29,
        pointer: "/moduleErrors/modules/0/codes/0",
        message:
          "module account code 100004 (IncorrectProjectId) was deleted; its exports are gone, and its value may be reused: add 100004 to module account's reserved list",
      },
    ],
  },
  {
    name: "a common code deleted and reserved",
    old: BASE,
    new: edit(BASE, [INTERNAL_BLOCK, ""], ["reserved: [4900]", "reserved: [4900, 6000]"]),
    want: [
      {
        rule: "CODE_RESERVED",
        scope: "common",
        code: 6000,
        at: "new",
        line: 5,
        pointer: "/reserved/1",
        message: "common code 6000 (InternalError) was deleted and reserved; its exports are gone",
      },
    ],
  },
  {
    name: "a module code deleted and reserved",
    old: BASE,
    new: edit(BASE, [`      codes:\n${ACCOUNT_CODE}`, "      codes: []\n"], ["[100009]", "[100009, 100004]"]),
    want: [
      {
        rule: "CODE_RESERVED",
        scope: "account",
        code: 100004,
        at: "new",
        line: 27,
        pointer: "/moduleErrors/modules/0/reserved/1",
        message: "module account code 100004 (IncorrectProjectId) was deleted and reserved; its exports are gone",
      },
    ],
  },
  {
    name: "a code renamed",
    old: BASE,
    new: edit(BASE, ["name: QuotaExceeded", "name: RateLimited"]),
    want: [
      {
        rule: "CODE_NAME_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 8,
        pointer: "/common/0/name",
        message: "common code 4400 was renamed from QuotaExceeded to RateLimited",
      },
    ],
  },
  {
    name: "the codes turned from integers into strings",
    old: "format: 1\nsuccess: 0\ncommon:\n  - { code: 4400, name: QuotaExceeded, type: Quota, description: Slow down., fault: client }\n",
    new: "format: 1\nsuccess: OK\ncommon:\n  - { code: QuotaExceeded, description: Slow down., fault: client }\n",
    want: [
      {
        rule: "CODE_KIND_CHANGED",
        scope: "catalog",
        at: "new",
        line: 4,
        pointer: "/common",
        message: "the codes changed from integers to strings",
      },
      {
        rule: "SUCCESS_CHANGED",
        scope: "catalog",
        at: "new",
        line: 2,
        pointer: "/success",
        message: 'success changed from code 0 to code "OK"',
      },
      {
        rule: "CODE_DELETED",
        scope: "common",
        code: 4400,
        at: "old",
        line: 4,
        pointer: "/common/0",
        message:
          "common code 4400 (QuotaExceeded) was deleted; its exports are gone, and its value may be reused: add 4400 to the top-level reserved list",
      },
      {
        rule: "CODE_ADDED",
        scope: "common",
        code: "QuotaExceeded",
        at: "new",
        line: 4,
        pointer: "/common/0",
        message: 'common code "QuotaExceeded" (QuotaExceeded) was added',
      },
    ],
  },
  {
    name: "a fault changed",
    old: BASE,
    new: edit(BASE, ["fault: server", "fault: client"]),
    want: [
      {
        rule: "FAULT_CHANGED",
        scope: "common",
        code: 6000,
        at: "new",
        line: 17,
        pointer: "/common/1/fault",
        message: "common code 6000 (InternalError) changed fault from server to client",
      },
    ],
  },
  {
    name: "retryable dropped: the position falls back to the entry",
    old: BASE,
    new: edit(BASE, ["    retryable: true\n", ""]),
    want: [
      {
        rule: "RETRYABLE_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 7,
        pointer: "/common/0/retryable",
        message: "common code 4400 (QuotaExceeded) is no longer retryable",
      },
    ],
  },
  {
    name: "a module deleted",
    old: BASE,
    new: edit(BASE, [STORAGE_MODULE, ""]),
    want: [
      {
        rule: "MODULE_DELETED",
        scope: "storage",
        at: "old",
        line: 30,
        pointer: "/moduleErrors/modules/1/name",
        message: "module storage was deleted or renamed",
      },
    ],
  },
  {
    name: "a module renamed: a deletion and an addition",
    old: BASE,
    new: edit(BASE, ["name: storage", "name: blobs"]),
    want: [
      {
        rule: "MODULE_DELETED",
        scope: "storage",
        at: "old",
        line: 30,
        pointer: "/moduleErrors/modules/1/name",
        message: "module storage was deleted or renamed",
      },
      {
        rule: "MODULE_ADDED",
        scope: "blobs",
        at: "new",
        line: 30,
        pointer: "/moduleErrors/modules/1/name",
        message: "module blobs was added",
      },
    ],
  },
  {
    name: "the success code changed",
    old: BASE,
    new: edit(BASE, ["success: 0", "success: { absent: error }"]),
    want: [
      {
        rule: "SUCCESS_CHANGED",
        scope: "catalog",
        at: "new",
        line: 3,
        pointer: "/success",
        message: "success changed from code 0 to a body whose error is absent or null",
      },
    ],
  },
  {
    name: "an envelope path changed",
    old: BASE,
    new: edit(BASE, ["{ code: code,", "{ code: error.code,"]),
    want: [
      {
        rule: "ENVELOPE_CHANGED",
        scope: "catalog",
        at: "new",
        line: 4,
        pointer: "/envelope/code",
        message: "the envelope's code changed from code to error.code",
      },
    ],
  },
  {
    name: "module codes moved into the code field (patterns no longer matter)",
    old: BASE,
    new: edit(
      BASE,
      ["moduleErrors:\n", "moduleErrors:\n  in: code\n"],
      [REGEX, String.raw`'^(?<code>\d+)(?<text>.*)$'`],
    ),
    want: [
      {
        rule: "MODULE_ERRORS_IN_CHANGED",
        scope: "catalog",
        at: "new",
        line: 19,
        pointer: "/moduleErrors/in",
        message: "moduleErrors.in changed from message to code",
      },
    ],
  },
  {
    name: "the enum style changed",
    old: BASE,
    new: `${BASE}output: { enumStyle: enum }\n`,
    want: [
      {
        rule: "ENUM_STYLE_CHANGED",
        scope: "catalog",
        at: "new",
        line: 33,
        pointer: "/output/enumStyle",
        message: "output.enumStyle changed from const to enum",
      },
    ],
  },
  {
    name: "a pattern renamed: its example still parses",
    old: BASE,
    new: edit(BASE, ["name: parenthesized", "name: round"]),
    want: [
      {
        rule: "PATTERN_REMOVED",
        scope: "catalog",
        at: "old",
        line: 20,
        pointer: "/moduleErrors/patterns/0/name",
        message: "the pattern parenthesized was removed or renamed",
      },
      {
        rule: "PATTERN_ADDED",
        scope: "catalog",
        at: "new",
        line: 20,
        pointer: "/moduleErrors/patterns/0/name",
        message: "the pattern round was added",
      },
    ],
  },
  {
    name: "an old example no longer parses",
    old: BASE,
    new: edit(
      BASE,
      [REGEX, String.raw`'^\[(?<code>-?\d+)\]\s*(?<text>[\s\S]*)$'`],
      ['"(100004) incorrect projectId"', '"[100004] incorrect projectId"'],
    ),
    want: [
      {
        rule: "EXAMPLE_NO_LONGER_PARSES",
        scope: "catalog",
        at: "new",
        line: 21,
        pointer: "/moduleErrors/patterns/0/regex",
        message:
          'the example "(100004) incorrect projectId" of the pattern parenthesized no longer parses; it parsed to code 100004, text "incorrect projectId"',
      },
      {
        rule: "PATTERN_CHANGED",
        scope: "catalog",
        at: "new",
        line: 21,
        pointer: "/moduleErrors/patterns/0/regex",
        message: "the regex of the pattern parenthesized changed",
      },
    ],
  },
  {
    name: "an old example parses to another text",
    old: BASE,
    new: edit(
      BASE,
      [REGEX, String.raw`'^\((?<code>-?\d+)\) (?<text>\w+)'`],
      ["text: incorrect projectId }", "text: incorrect }"],
    ),
    want: [
      {
        rule: "EXAMPLE_NO_LONGER_PARSES",
        scope: "catalog",
        at: "new",
        line: 21,
        pointer: "/moduleErrors/patterns/0/regex",
        message:
          'the example "(100004) incorrect projectId" of the pattern parenthesized now parses to code 100004, text "incorrect"; it parsed to code 100004, text "incorrect projectId"',
      },
      {
        rule: "PATTERN_CHANGED",
        scope: "catalog",
        at: "new",
        line: 21,
        pointer: "/moduleErrors/patterns/0/regex",
        message: "the regex of the pattern parenthesized changed",
      },
    ],
  },
  {
    name: "a pattern's regex changed, its example parses alike",
    old: BASE,
    new: edit(BASE, [REGEX, String.raw`'^\((?<code>-?\d+)\) *(?<text>[\s\S]*)$'`]),
    want: [
      {
        rule: "PATTERN_CHANGED",
        scope: "catalog",
        at: "new",
        line: 21,
        pointer: "/moduleErrors/patterns/0/regex",
        message: "the regex of the pattern parenthesized changed",
      },
    ],
  },
  {
    name: "a reserved code released",
    old: BASE,
    new: edit(BASE, ["reserved: [4900]\n", ""]),
    want: [
      {
        rule: "RESERVED_DELETED",
        scope: "common",
        code: 4900,
        at: "old",
        line: 5,
        pointer: "/reserved/0",
        message: "common code 4900 is no longer reserved and may be reused",
      },
    ],
  },
  {
    name: "a locale removed",
    old: edit(BASE, LOCALES),
    new: BASE,
    want: [
      {
        rule: "LOCALE_REMOVED",
        scope: "catalog",
        at: "old",
        line: 3,
        pointer: "/locales",
        message: "the locale zh was removed",
      },
    ],
  },
  {
    name: "the default locale changed",
    old: edit(BASE, LOCALES),
    new: edit(BASE, [LOCALES[0], `${LOCALES[1]}defaultLocale: zh\n`]),
    want: [
      {
        rule: "DEFAULT_LOCALE_CHANGED",
        scope: "catalog",
        at: "new",
        line: 4,
        pointer: "/defaultLocale",
        message: "the default locale changed from en to zh",
      },
    ],
  },
  {
    name: "the title's default text, the catalog id, changed",
    old: BASE,
    new: edit(BASE, ["title: Test API", "title: Test API v2"]),
    want: [
      {
        rule: "CATALOG_ID_CHANGED",
        scope: "catalog",
        at: "new",
        line: 2,
        pointer: "/title",
        message:
          'the catalog id changed from "Test API" (the title, for want of an id) to "Test API v2" (the title, for want of an id)',
      },
    ],
  },
  {
    name: "the catalog id changed",
    old: edit(BASE, ["title: Test API\n", "title: Test API\nid: test-api\n"]),
    new: edit(BASE, ["title: Test API\n", "title: Test API\nid: test-api-2\n"]),
    want: [
      {
        rule: "CATALOG_ID_CHANGED",
        scope: "catalog",
        at: "new",
        line: 3,
        pointer: "/id",
        message: 'the catalog id changed from "test-api" to "test-api-2"',
      },
    ],
  },
  {
    name: "a typo fixed in the title of a catalog with an id",
    old: edit(BASE, ["title: Test API\n", "title: Tset API\nid: test-api\n"]),
    new: edit(BASE, ["title: Test API\n", "title: Test API\nid: test-api\n"]),
    want: [
      {
        rule: "TITLE_CHANGED",
        scope: "catalog",
        at: "new",
        line: 2,
        pointer: "/title",
        message: "the catalog title changed",
      },
    ],
  },
  {
    name: "codes added",
    old: BASE,
    new: edit(
      BASE,
      [
        INTERNAL_BLOCK,
        `${INTERNAL_BLOCK}  - { code: 6100, name: Busy, type: Busy, description: Busy., fault: server }\n`,
      ],
      [ACCOUNT_CODE, `${ACCOUNT_CODE}        - { code: 100005, name: NoProject, description: no project }\n`],
    ),
    want: [
      {
        rule: "CODE_ADDED",
        scope: "common",
        code: 6100,
        at: "new",
        line: 18,
        pointer: "/common/2",
        message: "common code 6100 (Busy) was added",
      },
      {
        rule: "CODE_ADDED",
        scope: "account",
        code: 100005,
        at: "new",
        line: 31,
        pointer: "/moduleErrors/modules/0/codes/1",
        message: "module account code 100005 (NoProject) was added",
      },
    ],
  },
  {
    name: "a code deprecated",
    old: BASE,
    new: edit(BASE, [QUOTA_BLOCK, `${QUOTA_BLOCK}    deprecated: { reason: Use 6000., replacedBy: 6000 }\n`]),
    want: [
      {
        rule: "CODE_DEPRECATED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 9,
        pointer: "/common/0/deprecated",
        message: "common code 4400 (QuotaExceeded) was deprecated: Use 6000.; use 6000",
      },
    ],
  },
  {
    name: "a deprecation withdrawn",
    old: edit(BASE, [ACCOUNT_CODE, ACCOUNT_CODE.replace(" }", ", deprecated: { reason: Gone. } }")]),
    new: BASE,
    want: [
      {
        rule: "CODE_UNDEPRECATED",
        scope: "account",
        code: 100004,
        at: "new",
        line: 29,
        pointer: "/moduleErrors/modules/0/codes/0",
        message: "module account code 100004 (IncorrectProjectId) is no longer deprecated",
      },
    ],
  },
  {
    name: "a deprecation's reason edited",
    old: edit(BASE, [ACCOUNT_CODE, ACCOUNT_CODE.replace(" }", ", deprecated: { reason: Gone. } }")]),
    new: edit(BASE, [ACCOUNT_CODE, ACCOUNT_CODE.replace(" }", ", deprecated: { reason: Gone for good. } }")]),
    want: [
      {
        rule: "DEPRECATION_CHANGED",
        scope: "account",
        code: 100004,
        at: "new",
        line: 29,
        pointer: "/moduleErrors/modules/0/codes/0/deprecated",
        message: "the deprecation of module account code 100004 (IncorrectProjectId) changed",
      },
    ],
  },
  {
    name: "a module added",
    old: BASE,
    new: `${BASE}    - name: billing\n      codes: []\n`,
    want: [
      {
        rule: "MODULE_ADDED",
        scope: "billing",
        at: "new",
        line: 33,
        pointer: "/moduleErrors/modules/2/name",
        message: "module billing was added",
      },
    ],
  },
  {
    name: "a pattern added",
    old: BASE,
    new: edit(BASE, ["  modules:\n", `${BRACKETED}  modules:\n`]),
    want: [
      {
        rule: "PATTERN_ADDED",
        scope: "catalog",
        at: "new",
        line: 24,
        pointer: "/moduleErrors/patterns/1/name",
        message: "the pattern bracketed was added",
      },
    ],
  },
  {
    name: "a locale added",
    old: BASE,
    new: edit(BASE, LOCALES),
    want: [
      {
        rule: "LOCALE_ADDED",
        scope: "catalog",
        at: "new",
        line: 3,
        pointer: "/locales",
        message: "the locale zh was added",
      },
    ],
  },
  {
    name: "descriptions edited",
    old: BASE,
    new: edit(BASE, ["Too many requests.", "Slow down."], ["description: incorrect projectId", "description: bad id"]),
    want: [
      {
        rule: "DESCRIPTION_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 10,
        pointer: "/common/0/description",
        message: "the description of common code 4400 (QuotaExceeded) changed",
      },
      {
        rule: "DESCRIPTION_CHANGED",
        scope: "account",
        code: 100004,
        at: "new",
        line: 29,
        pointer: "/moduleErrors/modules/0/codes/0/description",
        message: "the description of module account code 100004 (IncorrectProjectId) changed",
      },
    ],
  },
  {
    name: "a type edited",
    old: BASE,
    new: edit(BASE, ["type: Quota exceeded", "type: Quota used up"]),
    want: [
      {
        rule: "TYPE_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 9,
        pointer: "/common/0/type",
        message: "the type of common code 4400 (QuotaExceeded) changed",
      },
    ],
  },
  {
    name: "a module title edited",
    old: BASE,
    new: edit(BASE, ["title: Account", "title: Accounts"]),
    want: [
      {
        rule: "MODULE_TITLE_CHANGED",
        scope: "account",
        at: "new",
        line: 26,
        pointer: "/moduleErrors/modules/0/title",
        message: "the title of module account changed",
      },
    ],
  },
  {
    name: "the title edited in another locale than the default",
    old: edit(BASE, [LOCALES[0], "title: { en: Test API, zh: 测试 API }\nlocales: [en, zh]\n"]),
    new: edit(BASE, [LOCALES[0], "title: { en: Test API, zh: 测试接口 }\nlocales: [en, zh]\n"]),
    want: [
      {
        rule: "TITLE_CHANGED",
        scope: "catalog",
        at: "new",
        line: 2,
        pointer: "/title",
        message: "the catalog title changed",
      },
    ],
  },
  {
    name: "an unused code reserved",
    old: BASE,
    new: edit(BASE, ["reserved: [4900]", "reserved: [4900, 4901]"]),
    want: [
      {
        rule: "RESERVED_ADDED",
        scope: "common",
        code: 4901,
        at: "new",
        line: 5,
        pointer: "/reserved/1",
        message: "common code 4901 was reserved",
      },
    ],
  },
];

/** The contract beyond codes: HTTP status, class names, aliases, categories, extra fields. */
const CATEGORY = `categories:\n  - { prefix: "4", name: ClientSide, fault: client }\ncommon:\n`;
const contractCases: readonly Case[] = [
  {
    name: "a code given an HTTP status",
    old: BASE,
    new: edit(BASE, ["    retryable: true\n", "    retryable: true\n    httpStatus: 429\n"]),
    want: [
      {
        rule: "HTTP_STATUS_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 13,
        pointer: "/common/0/httpStatus",
        message: "common code 4400 (QuotaExceeded) changed HTTP status from none to 429",
      },
    ],
  },
  {
    name: "a class renamed by className",
    old: BASE,
    new: edit(BASE, ["    name: InternalError\n", "    name: InternalError\n    className: ServerFailure\n"]),
    want: [
      {
        rule: "CLASS_NAME_CHANGED",
        scope: "common",
        code: 6000,
        at: "new",
        line: 15,
        pointer: "/common/1/className",
        message: "the class of common code 6000 (InternalError) was renamed from InternalError to ServerFailure",
      },
    ],
  },
  {
    name: "an alias added, then removed",
    old: BASE,
    new: edit(BASE, ["    name: QuotaExceeded\n", "    name: QuotaExceeded\n    aliases: [TooManyRequests]\n"]),
    want: [
      {
        rule: "ALIAS_ADDED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 9,
        pointer: "/common/0/aliases",
        message: "common code 4400 (QuotaExceeded) got the alias TooManyRequests",
      },
    ],
  },
  {
    name: "an alias removed",
    old: edit(BASE, ["    name: QuotaExceeded\n", "    name: QuotaExceeded\n    aliases: [TooManyRequests]\n"]),
    new: BASE,
    want: [
      {
        rule: "ALIAS_REMOVED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 7,
        pointer: "/common/0/aliases",
        message: "the alias TooManyRequests of common code 4400 (QuotaExceeded) was removed",
      },
    ],
  },
  {
    name: "a category added",
    old: BASE,
    new: edit(BASE, ["common:\n", CATEGORY]),
    want: [
      {
        rule: "CATEGORY_ADDED",
        scope: "catalog",
        at: "new",
        line: 7,
        pointer: "/categories/0",
        message: 'category "4" (ClientSide) was added',
      },
    ],
  },
  {
    name: "a category deleted",
    old: edit(BASE, ["common:\n", CATEGORY]),
    new: BASE,
    want: [
      {
        rule: "CATEGORY_DELETED",
        scope: "catalog",
        at: "old",
        line: 7,
        pointer: "/categories/0/prefix",
        message: 'category "4" (ClientSide) was deleted or its prefix changed',
      },
    ],
  },
  {
    name: "a category's fault changed",
    old: edit(BASE, ["common:\n", CATEGORY]),
    new: edit(BASE, ["common:\n", CATEGORY.replace("fault: client", "fault: server, httpStatus: 400")]),
    want: [
      {
        rule: "CATEGORY_CHANGED",
        scope: "catalog",
        at: "new",
        line: 7,
        pointer: "/categories/0",
        message: 'category "4" (ClientSide) changed fault from client to server, httpStatus from none to 400',
      },
      {
        rule: "HTTP_STATUS_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 9,
        pointer: "/common/0/httpStatus",
        message: "common code 4400 (QuotaExceeded) changed HTTP status from none to 400",
      },
    ],
  },
  {
    name: "the default HTTP status and an extra field",
    old: edit(BASE, ["requestId: requestId }", "requestId: requestId, fields: { reason: details.reason } }"]),
    new: edit(
      BASE,
      ["requestId: requestId }", "requestId: requestId, fields: { why: details.reason } }"],
      ["reserved:", "defaultHttpStatus: 500\nreserved:"],
    ),
    want: [
      {
        rule: "HTTP_STATUS_CHANGED",
        scope: "catalog",
        at: "new",
        line: 5,
        pointer: "/defaultHttpStatus",
        message: "the default HTTP status changed from none to 500",
      },
      {
        rule: "FIELD_REMOVED",
        scope: "catalog",
        at: "new",
        line: 4,
        pointer: "/envelope/fields",
        message: "the extra field reason was removed",
      },
      {
        rule: "HTTP_STATUS_CHANGED",
        scope: "common",
        code: 4400,
        at: "new",
        line: 8,
        pointer: "/common/0/httpStatus",
        message: "common code 4400 (QuotaExceeded) changed HTTP status from none to 500",
      },
      {
        rule: "HTTP_STATUS_CHANGED",
        scope: "common",
        code: 6000,
        at: "new",
        line: 14,
        pointer: "/common/1/httpStatus",
        message: "common code 6000 (InternalError) changed HTTP status from none to 500",
      },
      {
        rule: "FIELD_ADDED",
        scope: "catalog",
        at: "new",
        line: 4,
        pointer: "/envelope/fields/why",
        message: "the extra field why (details.reason) was added",
      },
    ],
  },
];

/** Writes both catalogs and diffs them; each finding is told by which file it points into. */
function diffTexts(oldText: string, newText: string): Finding[] {
  const dir = tempDir();
  const before = readCatalogSide(writeCatalog(dir, oldText, "old.yaml"));
  const after = readCatalogSide(writeCatalog(dir, newText, "new.yaml"));
  return diffCatalogs(before, after);
}

function project(finding: Finding): Want {
  const { rule, scope, code, message, location } = finding;
  const at = basename(location.file) === "old.yaml" ? "old" : "new";
  return {
    rule,
    scope,
    ...(code === undefined ? {} : { code }),
    at,
    line: location.line,
    pointer: location.pointer,
    message,
  };
}

describe("diffCatalogs", () => {
  it.each([...cases, ...contractCases])("$want.0.rule: $name", (testCase) => {
    const findings = diffTexts(testCase.old, testCase.new);
    expect(findings.map(project)).toEqual(testCase.want);
    for (const finding of findings) expect(finding.severity).toBe(RULES[finding.rule].severity);
  });

  it("has a case for every rule", () => {
    const all = [...cases, ...contractCases];
    const covered = new Set(all.flatMap((testCase) => testCase.want.map((want) => want.rule)));
    expect(Object.keys(RULES).filter((id) => !covered.has(id as RuleId))).toEqual([]);
  });

  it("finds nothing between a catalog and itself, nor after reordering codes and modules", () => {
    expect(diffTexts(BASE, BASE)).toEqual([]);
    const reordered = edit(BASE, [INTERNAL_BLOCK, ""], ["common:\n", `common:\n${INTERNAL_BLOCK}`]);
    expect(
      diffTexts(BASE, edit(reordered, [STORAGE_MODULE, ""], ["  modules:\n", `  modules:\n${STORAGE_MODULE}`])),
    ).toEqual([]);
  });

  it("keys codes by value: a code and its name swapped are two renames", () => {
    const swapped = edit(BASE, ["name: QuotaExceeded", "name: Swap"], ["name: InternalError", "name: QuotaExceeded"]);
    const findings = diffTexts(BASE, edit(swapped, ["name: Swap", "name: InternalError"]));
    expect(findings.map((finding) => [finding.rule, finding.code])).toEqual([
      ["CODE_NAME_CHANGED", 4400],
      ["CODE_NAME_CHANGED", 6000],
    ]);
  });
});

describe("bumpOf", () => {
  const bumps: readonly { name: string; new: string; want: Bump }[] = [
    { name: "identical", new: BASE, want: "none" },
    { name: "text edited", new: edit(BASE, ["Too many requests.", "Slow down."]), want: "patch" },
    { name: "a module added", new: `${BASE}    - name: billing\n      codes: []\n`, want: "minor" },
    {
      name: "a code deprecated and a text edited",
      new: edit(BASE, ["Too many requests.", "Slow down.\n    deprecated: { reason: Old. }"]),
      want: "minor",
    },
    {
      name: "a code deleted among additions",
      new: edit(`${BASE}    - name: billing\n      codes: []\n`, [INTERNAL_BLOCK, ""]),
      want: "major",
    },
  ];
  it.each(bumps)("$want when $name", ({ new: newText, want }) => {
    expect(bumpOf(diffTexts(BASE, newText))).toBe(want);
  });
});

describe("formatDiff", () => {
  const findings = () => diffTexts(BASE, edit(BASE, [INTERNAL_BLOCK, ""], ["Too many requests.", "Slow down."]));

  it("text: one FILE:LINE:COL line per finding, breaking first, then the summary", () => {
    const text = formatDiff(findings(), "text").replace(/\/\S+\/(old|new)\.yaml/g, "$1.yaml");
    expect(text).toBe(
      "old.yaml:13:5: BREAKING CODE_DELETED common code 6000 (InternalError) was deleted; its exports are gone, and its value may be reused: add 6000 to the top-level reserved list\n" +
        "new.yaml:10:18: SAFE DESCRIPTION_CHANGED the description of common code 4400 (QuotaExceeded) changed\n" +
        "1 breaking change, 1 safe change: a major version bump\n",
    );
    expect(formatDiff([], "text")).toBe("no changes: no version bump\n");
  });

  it("github: a deleted module is annotated at the new file's list of modules, never at the old file", () => {
    const lines = formatDiff(diffTexts(BASE, edit(BASE, [STORAGE_MODULE, ""])), "github").split("\n");
    expect(lines.filter((line) => line.includes("MODULE_DELETED"))).toEqual([
      expect.stringMatching(/^::error file=\S+new\.yaml,line=25,col=5::MODULE_DELETED module storage was deleted/),
    ]);
  });

  it("json: the bump, the counts and every finding with its location", () => {
    const report = JSON.parse(formatDiff(findings(), "json"));
    expect(report).toMatchObject({ bump: "major", breaking: 1, safe: 1 });
    expect(report.findings[0]).toMatchObject({
      rule: "CODE_DELETED",
      severity: "breaking",
      scope: "common",
      code: 6000,
      location: { line: 13, col: 5, pointer: "/common/1" },
    });
    expect(report.findings[1]).toMatchObject({ rule: "DESCRIPTION_CHANGED", severity: "safe" });
  });

  it("github: ::error for breaking, ::notice for safe, escaped as the runner expects", () => {
    const lines = formatDiff(findings(), "github").trimEnd().split("\n");
    // A deletion is annotated on the new file (the one in the pull request), at the list that held the code.
    expect(lines[0]).toMatch(/^::error file=\S+new\.yaml,line=7,col=3::CODE_DELETED common code 6000 /);
    expect(lines[1]).toMatch(/^::notice file=\S+new\.yaml,line=10,col=18::DESCRIPTION_CHANGED the description/);
    expect(lines[2]).toBe("1 breaking change, 1 safe change: a major version bump");
    const odd: Finding = {
      rule: "CODE_DELETED",
      severity: "breaking",
      scope: "common",
      message: "100% gone\nreally",
      location: { file: "HEAD:a,b.yaml", line: 2, col: 3, pointer: "/common/0" },
    };
    expect(formatFindingForGithub(odd)).toBe(
      "::error file=HEAD%3Aa%2Cb.yaml,line=2,col=3::CODE_DELETED 100%25 gone%0Areally",
    );
  });
});

/** Runs git in `cwd` without the user's configuration. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function put(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function repoWith(files: Readonly<Record<string, string>>): string {
  const root = tempDir("errcat-repo-");
  git(root, "init", "-q", "-b", "main");
  for (const [path, text] of Object.entries(files)) put(root, path, text);
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "catalog");
  return root;
}

describe("readCatalogAtRef", () => {
  const FILE = "schema/error-codes.yaml";

  it("reads the catalog as it was at the ref, located as REF:FILE", () => {
    const root = repoWith({ [FILE]: BASE });
    put(root, FILE, edit(BASE, [INTERNAL_BLOCK, ""]));
    const findings = diffCatalogs(readCatalogAtRef("HEAD", FILE, { cwd: root }), readCatalogSide(join(root, FILE)));
    expect(findings.map((finding) => [finding.rule, finding.location.file, finding.location.line])).toEqual([
      ["CODE_DELETED", `HEAD:${FILE}`, 13],
    ]);
  });

  it("reads the files the includes matched at the ref, not those of the working tree", () => {
    const module = (name: string, code: number) =>
      `modules:\n  - name: ${name}\n    codes:\n      - { code: ${code}, name: C${code}, description: d }\n`;
    const catalog = `${BASE}include: [modules/*.yaml, ../shared/*.yaml]\n`;
    const root = repoWith({
      [FILE]: catalog,
      "schema/modules/a.yaml": `${module("alpha", 1)}      - { code: 2, name: C2, description: d }\n`,
      "schema/modules/c.yaml": module("gamma", 3),
      "schema/modules/notes.md": "not a module",
      "shared/s.yaml": module("shared", 4),
    });
    put(root, "schema/modules/a.yaml", module("alpha", 1));
    rmSync(join(root, "schema/modules/c.yaml"));
    put(root, "schema/modules/b.yaml", module("beta", 5));
    const old = readCatalogAtRef("HEAD", FILE, { cwd: root });
    expect(old.model.modules.map((entry) => entry.id)).toEqual(["account", "storage", "alpha", "gamma", "shared"]);
    const findings = diffCatalogs(old, readCatalogSide(join(root, FILE)));
    expect(findings.map((finding) => [finding.rule, finding.scope, finding.location.file])).toEqual([
      ["CODE_DELETED", "alpha", "HEAD:schema/modules/a.yaml"],
      ["MODULE_DELETED", "gamma", "HEAD:schema/modules/c.yaml"],
      ["MODULE_ADDED", "beta", join(root, "schema/modules/b.yaml")],
    ]);
  });

  it("takes FILE relative to cwd, in a subfolder of the repository", () => {
    const root = repoWith({ [FILE]: BASE });
    const old = readCatalogAtRef("HEAD", "error-codes.yaml", { cwd: join(root, "schema") });
    expect(old.locate(old.model.origin.file, "/success")).toMatchObject({ file: "HEAD:error-codes.yaml", line: 3 });
  });

  it("reports an invalid old catalog at REF:FILE", () => {
    const root = repoWith({ [FILE]: edit(BASE, ["fault: server", "fault: nobody"]) });
    expect(() => readCatalogAtRef("HEAD", FILE, { cwd: root })).toThrow(CatalogError);
    expect(() => readCatalogAtRef("HEAD", FILE, { cwd: root })).toThrow(new RegExp(`^HEAD:${FILE}:17:12: `));
  });

  it("says so when the ref is missing, and how to fetch it", () => {
    const root = repoWith({ [FILE]: BASE });
    expect(() => readCatalogAtRef("origin/main", FILE, { cwd: root })).toThrow(
      new DiffSourceError(
        "the git ref origin/main does not exist here; check its spelling, or fetch it first: git fetch --depth=1 origin main",
      ),
    );
  });

  it("explains a shallow clone: fetch the ref, or fetch-depth: 0", () => {
    const root = repoWith({ [FILE]: BASE });
    put(root, FILE, edit(BASE, ["Too many requests.", "Slow down."]));
    git(root, "commit", "-q", "-am", "edit");
    const clone = tempDir("errcat-clone-");
    git(clone, "clone", "-q", "--depth=1", `file://${root}`, ".");
    expect(() => readCatalogAtRef("HEAD~1", FILE, { cwd: clone })).toThrow(
      /^the git ref HEAD~1 is not in this shallow clone, .*git fetch --depth=50 origin.*fetch-depth: 0/,
    );
    expect(() => readCatalogAtRef("HEAD", FILE, { cwd: clone })).not.toThrow();
  });

  it("says so when the file is not at the ref, or the folder is not a repository", () => {
    const root = repoWith({ [FILE]: BASE });
    expect(() => readCatalogAtRef("HEAD", "other.yaml", { cwd: root })).toThrow("other.yaml does not exist at HEAD");
    const plain = tempDir();
    // Stop git's search at the temporary folder, should it sit inside some repository.
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = dirname(plain);
    try {
      expect(() => readCatalogAtRef("HEAD", FILE, { cwd: plain })).toThrow(`${plain} is not inside a git repository`);
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    }
    expect(() => readCatalogAtRef("--output=x", FILE, { cwd: root })).toThrow('"--output=x" is not a git ref');
  });
});
