import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogError, render, validate } from "../generator/index.js";
import { errorClassName } from "../generator/names.js";
import {
  bundleAndImport,
  cleanup,
  tempDir,
  typecheckOutput,
  typecheckOutputWith,
  writeCatalog,
  writeRendered,
} from "./helpers.js";

afterAll(cleanup);

// Names that are globals, Object.prototype members or errcat's own words either compile and work,
// or are refused with a located message. Each case below says which.
/** Common code names that are globals, error constructors, prototype words or errcat's own words. */
const GLOBAL_NAMES = [
  "Error",
  "Object",
  "Symbol",
  "Promise",
  "Function",
  "Array",
  "Constructor",
  "Prototype",
  "Proto",
  "Common",
  "SyntaxError",
  "TypeError",
  "RangeError",
  "AggregateError",
];

const numeric = `format: 1
success: 0
common:
${GLOBAL_NAMES.map(
  (name, index) => `  - { code: ${100 + index}, name: ${name}, type: ${name} type, description: d, fault: client }`,
).join("\n")}
moduleErrors:
  modules:
${["constructor", "prototype", "toString", "hasOwnProperty", "common", "error", "api", "valueOf"]
  .map(
    (id, index) =>
      `    - { name: ${id}, codes: [{ code: ${index + 1}, name: Code${index + 1}, description: "in ${id}" }] }`,
  )
  .join("\n")}
`;

const strings = `format: 1
success: OK
common:
  - { code: __proto__, description: a code named like the prototype link, fault: client }
  - { code: constructor, description: a code named like the constructor, fault: client }
  - { code: toString.Nested, description: a dotted code over an Object.prototype member, fault: server }
moduleErrors:
  in: code
  modules:
    - { name: proto, codes: [{ code: __proto__, description: the module's copy }] }
`;

type Api = Record<string, unknown> & {
  errorFromResponse: (
    body: unknown,
    options?: { module?: string },
  ) => ({ name: string; code: unknown; moduleError?: unknown } & Error) | undefined;
  isModuleName: (value: unknown) => boolean;
};

async function generateAndLoad(text: string): Promise<{ dir: string; api: Api }> {
  const dir = tempDir();
  const out = join(dir, "generated");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeRendered(out, render(validate(writeCatalog(dir, text))));
  return { dir: out, api: await bundleAndImport<Api>(out) };
}

describe("globals and prototype names as code names and module ids", () => {
  let generated: { dir: string; api: Api };
  beforeAll(async () => {
    generated = await generateAndLoad(numeric);
  });

  it("compile under the strict settings", () => {
    const result = typecheckOutput(generated.dir);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("compile where class fields are not native (useDefineForClassFields: false, as Angular sets it)", () => {
    const result = typecheckOutputWith(["--useDefineForClassFields", "false", "--noImplicitOverride"], generated.dir);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it.each(GLOBAL_NAMES)("%s names a class errorFromResponse returns", (name) => {
    const ErrorClass = generated.api[errorClassName(name)] as { code: number };
    const error = generated.api.errorFromResponse({ code: ErrorClass.code });
    expect(error?.name).toBe(errorClassName(name));
    expect((generated.api[`is${errorClassName(name)}`] as (value: unknown) => boolean)(error)).toBe(true);
  });

  it("keeps the real globals intact", () => {
    expect(new Error("x")).toBeInstanceOf(Error);
    expect(generated.api.SyntaxError).not.toBe(SyntaxError);
    expect(generated.api.errorFromResponse({ code: 0 })).toBeUndefined();
    expect(Object.keys({ a: 1 })).toEqual(["a"]);
  });

  it.each(["constructor", "prototype", "toString", "hasOwnProperty", "valueOf"])(
    "module %s is a module, and resolves its code",
    (id) => {
      expect(generated.api.isModuleName(id)).toBe(true);
      const index =
        ["constructor", "prototype", "toString", "hasOwnProperty", "common", "error", "api", "valueOf"].indexOf(id) + 1;
      const error = generated.api.errorFromResponse({ code: 100, message: `(${index}) x` }, { module: id });
      expect(error?.moduleError).toMatchObject({ module: id, name: `Code${index}` });
    },
  );

  it("does not take Object.prototype members for modules", () => {
    expect(generated.api.isModuleName("__proto__")).toBe(false);
    expect(generated.api.isModuleName("isPrototypeOf")).toBe(false);
  });
});

describe("string codes named like prototype members", () => {
  let generated: { dir: string; api: Api };
  beforeAll(async () => {
    generated = await generateAndLoad(strings);
  });

  it("compile under the strict settings", () => {
    const result = typecheckOutput(generated.dir);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("find their own classes, and nothing of Object.prototype", () => {
    expect(generated.api.errorFromResponse({ code: "__proto__" })?.name).toBe("ProtoError");
    expect(generated.api.errorFromResponse({ code: "constructor" })?.name).toBe("ConstructorError");
    expect(generated.api.errorFromResponse({ code: "toString.Nested.Deeper" })?.name).toBe("ToStringNestedError");
    for (const code of ["toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
      expect(generated.api.errorFromResponse({ code })?.name).toBe("UnknownApiError");
    }
  });

  it("resolve a module's copy of the code", () => {
    expect(generated.api.errorFromResponse({ code: "__proto__" }, { module: "proto" })?.moduleError).toMatchObject({
      module: "proto",
      name: "Proto",
    });
  });
});

describe("each module's metadata list, made from its table", () => {
  const numericCodes = `format: 1
success: 0
common:
  - { code: 4000, name: InvalidParameter, type: Invalid parameter, description: d, fault: client }
moduleErrors:
  modules:
    - name: face
      codes:
        - { code: 9, name: Slow, description: too slow, retryable: true, httpStatus: 503 }
        - { code: 4294967296, name: Huge, description: past the array indices }
        - { code: -3, name: Blurry, description: blurry, deprecated: { reason: use Missing, replacedBy: 7 } }
        - { code: 7, name: Missing, description: no face, fault: server }
        - { code: -20, name: Dark, description: too dark }
`;
  const stringCodes = `format: 1
success: OK
common:
  - { code: Failed, description: failed, fault: server }
moduleErrors:
  in: code
  modules:
    - name: words
      codes:
        - { code: constructor, description: named like the constructor }
        - { code: __proto__, description: named like the prototype link, deprecated: { reason: renamed } }
        - { code: "42", name: FortyTwo, description: looks like an array index }
        - { code: Zebra, description: upper case sorts first }
        - { code: apple, description: lower case }
`;

  it("lists every code ordered by code, with its overrides and deprecation, and nothing else", async () => {
    const { api } = await generateAndLoad(numericCodes);
    expect(api.FACE_MODULE_ERRORS).toEqual([
      { code: -20, name: "Dark" },
      { code: -3, name: "Blurry", deprecated: { reason: "use Missing", replacedBy: 7 } },
      { code: 7, name: "Missing", fault: "server" },
      { code: 9, name: "Slow", retryable: true, httpStatus: 503 },
      { code: 4294967296, name: "Huge" },
    ]);
    expect(Object.keys((api.FACE_MODULE_ERRORS as object[])[0] as object)).toEqual(["code", "name"]);
  });

  it("orders string codes as the catalog does, prototype names included", async () => {
    const { dir, api } = await generateAndLoad(stringCodes);
    expect(typecheckOutput(dir).output).toBe("");
    expect(api.WORDS_MODULE_ERRORS).toEqual([
      { code: "42", name: "FortyTwo" },
      { code: "Zebra", name: "Zebra" },
      { code: "__proto__", name: "Proto", deprecated: { reason: "renamed" } },
      { code: "apple", name: "Apple" },
      { code: "constructor", name: "Constructor" },
    ]);
  });
});

describe("names refused with a located message", () => {
  it.each([
    { name: "constructor", why: /is not a PascalCase identifier/ },
    { name: "__proto__", why: /is not a PascalCase identifier/ },
    { name: "prototype", why: /is not a PascalCase identifier/ },
    { name: "1Api", why: /is not a PascalCase identifier/ },
    { name: "Ärger", why: /is not a PascalCase identifier/ },
    { name: "Api", why: /generates ApiError and isApiError, which errcat's runtime defines already/ },
    { name: "UnknownApi", why: /generates UnknownApiError and isUnknownApiError, which errcat's runtime/ },
    { name: "MalformedResponse", why: /generates MalformedResponseError and isMalformedResponseError/ },
    { name: "Module", why: /generates ModuleError, which errcat's runtime defines already/ },
  ])("$name", ({ name, why }) => {
    const file = writeCatalog(
      tempDir(),
      `format: 1\nsuccess: 0\ncommon:\n  - { code: 1, name: "${name}", type: t, description: d, fault: client }\n`,
    );
    let problems: CatalogError["problems"] = [];
    try {
      validate(file);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      problems = error.problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(why);
    expect(problems[0]?.location).toMatchObject({ line: 4, col: 22, pointer: "/common/0/name" });
  });

  it("refuses __proto__ as a module id", () => {
    const file = writeCatalog(
      tempDir(),
      `format: 1\nsuccess: 0\ncommon: []\nmoduleErrors:\n  modules:\n    - { name: __proto__, codes: [] }\n`,
    );
    expect(() => validate(file)).toThrow(/"__proto__" is not a module id/);
  });
});
