import { afterAll, describe, expect, it } from "vitest";
import { render, validate } from "../generator/index.js";
import { cleanup, minimalCatalog, tempDir, writeCatalog } from "./helpers.js";

afterAll(cleanup);

const renderCatalog = (text: string) => {
  const dir = tempDir();
  return render(validate(writeCatalog(dir, text)));
};

/** A catalog of `count` module codes over three modules. */
function catalogOf(count: number, extra = ""): string {
  const modules = ["alpha", "beta", "gamma"].map((name, index) => {
    const codes = Array.from(
      { length: Math.ceil(count / 3) },
      (_, n) => `        - { code: ${(index + 1) * 10000 + n}, name: Code${index}x${n}, description: text ${n} }`,
    );
    return `    - name: ${name}\n      codes:\n${codes.join("\n")}`;
  });
  return `format: 1
success: 0
common:
  - { code: 4400, name: QuotaExceeded, type: Quota exceed, description: Too many requests., fault: client, retryable: true }
moduleErrors:
  modules:
${modules.join("\n")}
${extra}`;
}

describe("the markdown docs, for the API's users", () => {
  const files = renderCatalog(minimalCatalog());
  const docs = files.get("error-codes.md") ?? "";

  it("open with a table of contents linking each section", () => {
    expect(docs).toContain(
      "## Contents\n\n- [Common error codes](#common-codes)\n- [Module error codes](#module-codes)",
    );
    expect(docs).toContain("  - [`account`: 1 code](#module-account)");
    expect(docs).toContain('<a id="common-codes"></a>\n\n## Common error codes');
    expect(docs).toContain('<a id="module-account"></a>\n\n### `account`');
  });

  it("name no TypeScript identifier and show no regex", () => {
    for (const name of [
      "QuotaExceededError",
      "QuotaExceeded |",
      "AccountModuleErrorCode",
      "IncorrectProjectId",
      "(?<code>",
    ]) {
      expect(docs).not.toContain(name);
    }
    expect(docs).toContain("| `(100004) incorrect projectId` | 100004 | incorrect projectId |");
  });

  it("give each code a visible permalink, the old anchor kept as an alias", () => {
    expect(docs).toContain(
      '| <a id="4400"></a><a id="code-4400"></a>[4400](#4400) | Quota exceed | Too many requests. | the caller\'s | yes |',
    );
    expect(docs).toContain('<a id="account-100004"></a><a id="m-account--100004"></a>[100004](#account-100004)');
  });

  it("add a column of TypeScript names for developers", () => {
    const developers = renderCatalog(minimalCatalog("output: { docs: { audience: developers } }\n")).get(
      "error-codes.md",
    );
    expect(developers).toContain("| Code | Name | Type | Description | Whose fault | Retry? |");
    expect(developers).toContain("| `QuotaExceededError` |");
    expect(developers).toContain("| `AccountModuleErrorCode.IncorrectProjectId` |");
  });

  it("link the replacement of a deprecated code", () => {
    const text = minimalCatalog().replace(
      "fault: server }",
      "fault: server, deprecated: { reason: Old., replacedBy: 4400 } }",
    );
    expect(renderCatalog(text).get("error-codes.md")).toContain("**Deprecated:** Old. Use [4400](#4400) instead.<br>");
  });
});

describe("docs in Chinese", () => {
  const files = renderCatalog(`format: 1
title: { en: Shop API, zh: 商店 API }
locales: [en, zh]
success: 0
common:
  - { code: 4400, name: QuotaExceeded, type: { en: Quota, zh: 配额 }, description: { en: Too many., zh: 太多。 }, fault: client }
`);

  it("are in the page's locale, headings and sentences included", () => {
    const zh = files.get("error-codes.zh.md") ?? "";
    expect(zh).toContain("## 目录");
    expect(zh).toContain("## 公共错误码");
    expect(zh).toContain("| 错误码 | 类型 | 说明 | 责任方 | 可重试 |");
    expect(zh).toContain("| 配额 | 太多。 | 调用方 | 否 |");
    expect(zh).not.toContain("Common error codes");
  });
});

describe("splitting the docs", () => {
  it("keeps one file up to output.docs.splitAbove codes, counting the whole catalog", () => {
    const files = renderCatalog(catalogOf(9, "output: { docs: { splitAbove: 10 } }\n"));
    expect([...files.keys()].filter((file) => file.startsWith("error-codes/"))).toEqual([]);
  });

  it("writes one file per module above it, linked from the index, and points @see at them", () => {
    const files = renderCatalog(catalogOf(12, "output: { docs: { splitAbove: 10 } }\n"));
    expect([...files.keys()].filter((file) => file.startsWith("error-codes/"))).toEqual([
      "error-codes/alpha.md",
      "error-codes/beta.md",
      "error-codes/gamma.md",
    ]);
    const index = files.get("error-codes.md") ?? "";
    expect(index).toContain("- [`alpha`: 4 codes](error-codes/alpha.md)");
    expect(index).not.toContain("(#alpha-10000)");
    const alpha = files.get("error-codes/alpha.md") ?? "";
    expect(alpha).toContain("[All error codes](../error-codes.md)");
    expect(alpha).toContain('<a id="alpha-10003"></a><a id="m-alpha--10003"></a>[10003](#alpha-10003)');
    expect(files.get("modules/alpha.ts")).toContain("@see ../error-codes/alpha.md#module-alpha");
    expect(files.get("error-codes/alpha.md")).toContain('<a id="module-alpha"></a>');
  });

  it("splits above 1,000 codes by default", () => {
    expect(renderCatalog(catalogOf(999)).has("error-codes/alpha.md")).toBe(false);
    expect(renderCatalog(catalogOf(1002)).has("error-codes/alpha.md")).toBe(true);
  });
});
