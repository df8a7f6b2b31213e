/**
 * Both ends of the wire, against a local node:http server written with the generated code
 * (`errorFromCode` and `toResponse()`), answering like the seed's API: every common code, module
 * codes in the message, a 502 HTML page, an empty body, truncated JSON, a reply that never comes
 * and is aborted, and Retry-After. The client is the README's, with the clock injected.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type AccountModuleErrorCode,
  type ApiError,
  accountModule,
  CommonErrorCode,
  errorFromCode,
  errorFromHttp,
  errorFromResponse,
  HttpError,
  isApiError,
  isHttpError,
  QuotaExceededError,
  type RetryOptions,
  withRetry,
} from "../generated/all.js";
import { cleanup, ROOT, tempDir } from "./helpers.js";

/** Every request the server saw, by path, to count retries. */
const hits = new Map<string, number>();
/** Resolves each time a request reaches the hanging route, so a test can abort it without a timer. */
let arrived: () => void = () => {};

/** The server side: each route throws the API's error, and one handler writes it back. */
function route(path: string): unknown {
  const [, kind, value] = path.split("/");
  if (kind === "ok") return { code: 0, data: { id: 7 } };
  if (kind === "code") throw errorFromCode(Number(value), { requestId: `req-${value}` });
  if (kind === "module") {
    throw errorFromCode(CommonErrorCode.InvalidParameter, { moduleError: { module: "account", code: 100004 } });
  }
  if (kind === "flaky") {
    // Answers 4400 (retryable) twice, asking for 2 s, then succeeds.
    if ((hits.get(path) ?? 0) <= 2) throw errorFromCode(CommonErrorCode.QuotaExceeded, { retryAfterMs: 2000 });
    return { code: 0, data: { ok: true } };
  }
  throw new Error(`no route ${path}`);
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? "/";
  hits.set(path, (hits.get(path) ?? 0) + 1);
  if (path === "/gateway") {
    response.writeHead(502, { "content-type": "text/html" }).end("<html><body>502 Bad Gateway</body></html>");
    return;
  }
  if (path === "/empty") return void response.writeHead(200).end();
  if (path === "/truncated")
    return void response.writeHead(200, { "content-type": "application/json" }).end('{"code": 44');
  if (path === "/hang") {
    arrived();
    return;
  }
  try {
    const body = route(path);
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  } catch (error) {
    const wire = (isApiError(error) ? error : errorFromCode(CommonErrorCode.InternalError)).toResponse();
    response.writeHead(wire.status, wire.headers).end(wire.body);
  }
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  cleanup();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Waits recorded instead of slept: the tests never wait on a timer. */
const waits: number[] = [];
const clock: Pick<RetryOptions, "sleep" | "random"> = {
  sleep: async (ms) => {
    waits.push(ms);
  },
  random: () => 0.5,
};

// The README's client, as written there, with the clock injected.
async function call<T>(path: string, options: { signal?: AbortSignal } = {}): Promise<T> {
  return withRetry(
    async () => {
      const response = await fetch(`${base}${path}`, { signal: options.signal ?? null }).catch((cause: unknown) => ({
        cause,
      }));
      const error = await errorFromHttp(response, { module: accountModule });
      if (error) throw error;
      return ((await (response as Response).json()) as { data: T }).data;
    },
    { attempts: 4, signal: options.signal, ...clock },
  );
}

async function failure(path: string, options: { signal?: AbortSignal } = {}): Promise<ApiError> {
  try {
    await call(path, options);
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error(`${path} succeeded`);
}

describe("the README's client against a local server", () => {
  it("returns the data of a success", async () => {
    expect(await call("/ok")).toEqual({ id: 7 });
  });

  it.each(Object.values(CommonErrorCode).filter((code) => typeof code === "number"))(
    "ends code %i in its class, retried only when retryable",
    async (code) => {
      waits.length = 0;
      const path = `/code/${code}`;
      const error = await failure(path);
      expect(error).toBeInstanceOf(errorFromCode(code as CommonErrorCode).constructor);
      expect(error).toMatchObject({ code, known: true, status: 200, requestId: `req-${code}` });
      expect(hits.get(path)).toBe(error.retryable ? 4 : 1);
      expect((error as ApiError & { attempts: number }).attempts).toBe(error.retryable ? 4 : 1);
    },
  );

  it("reads a module code out of the message, with the module's name", async () => {
    const error = await failure("/module");
    expect(error.message).toBe("(100004) incorrect projectId");
    expect(error.moduleError).toMatchObject({ code: 100004, module: "account", name: "IncorrectProjectId" });
  });

  it("honours Retry-After: waits at least what the server asked, then succeeds", async () => {
    waits.length = 0;
    expect(await call("/flaky")).toEqual({ ok: true });
    expect(waits).toEqual([2000, 2000]);
  });

  it.each([
    ["/gateway", 502, true, "HTTP 502 Bad Gateway (text/html, 41 bytes)"],
    ["/empty", 200, false, "HTTP 200 OK: the body is empty (no content type, 0 bytes)"],
    ["/truncated", 200, false, "HTTP 200 OK: the body is not JSON (application/json, 11 bytes)"],
  ])("turns %s into an HttpError with status %i, retryable %s", async (path, status, retryable, message) => {
    hits.delete(path);
    const error = await failure(path);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status, retryable, message, known: false, code: undefined });
    expect(hits.get(path)).toBe(retryable ? 4 : 1);
    expect(JSON.stringify(error)).not.toContain("<html>");
  });

  it("aborts a reply that never comes, and does not retry it", async () => {
    hits.delete("/hang");
    const controller = new AbortController();
    const reached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const pending = failure("/hang", { signal: controller.signal });
    await reached;
    controller.abort();
    const error = await pending;
    expect(isHttpError(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false, known: false });
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/^The request was aborted \(AbortError/);
    expect(hits.get("/hang")).toBe(1);
  });
});

describe("errorFromHttp with other clients' responses", () => {
  const now = () => Date.UTC(2026, 11, 1, 12, 0, 0);

  it("takes { status, headers, body } with a parsed body, plain headers and bytes", async () => {
    const parsed = await errorFromHttp({ status: 429, headers: { "Retry-After": "3" }, body: { code: 4400 } });
    expect(parsed).toBeInstanceOf(QuotaExceededError);
    expect(parsed).toMatchObject({ status: 429, retryAfterMs: 3000 });
    const bytes = new TextEncoder().encode(JSON.stringify({ code: 4400, message: "quota" }));
    expect(await errorFromHttp({ status: 200, body: bytes })).toMatchObject({ code: 4400, message: "quota" });
    expect(await errorFromHttp({ status: 200, body: { code: 0 } })).toBeUndefined();
  });

  it("reads Retry-After as an HTTP date against the injected clock", async () => {
    const headers = { "retry-after": "Tue, 01 Dec 2026 12:00:05 GMT" };
    const error = await errorFromHttp({ status: 503, headers, body: "" }, { now });
    expect(error).toMatchObject({ status: 503, retryable: true, fault: "server", retryAfterMs: 5000 });
  });

  it("never reads a non-2xx as success, and takes 204 with no body as success", async () => {
    expect(await errorFromHttp({ status: 204, body: null })).toBeUndefined();
    const error = await errorFromHttp({ status: 500, body: { code: 0 } });
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ fault: "server", retryable: true });
    expect(await errorFromHttp({ status: 404, body: { code: 4999 } })).toMatchObject({
      name: "HttpError",
      fault: "client",
    });
    expect(await errorFromHttp({ status: 418, body: "not json" })).toMatchObject({ retryable: false });
  });

  it("keeps the body text off the message, the log line and the keys, and readable in code", async () => {
    const body = "<html>secret=abc123</html>";
    const error = (await errorFromHttp({ status: 502, body, headers: { "content-type": "text/html" } })) as HttpError;
    expect(error.message).toBe("HTTP 502 Bad Gateway (text/html, 26 bytes)");
    expect(error.bodyText).toBe(body);
    expect(JSON.stringify(error)).not.toContain("secret");
    expect(Object.keys(error)).not.toContain("bodyText");
  });

  it("reads at most 1 MiB of a body", async () => {
    const huge = `{"code": 4400, "message": "${"x".repeat(2 * 1024 * 1024)}"}`;
    const error = await errorFromHttp({ status: 200, body: huge });
    expect(error).toMatchObject({ name: "HttpError", message: expect.stringMatching(/over 1 MiB/) });
  });

  it("wraps a network failure, retryable, and an abort, not", async () => {
    const network = await errorFromHttp({ cause: new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }) });
    expect(network).toMatchObject({
      name: "HttpError",
      retryable: true,
      message: "The request failed (TypeError: fetch failed)",
    });
    const abort = await errorFromHttp({ cause: new DOMException("This operation was aborted", "AbortError") });
    expect(abort).toMatchObject({ retryable: false });
  });

  it("takes the request id from the body, else from the catalog's header", async () => {
    expect(await errorFromHttp({ status: 200, body: { code: 4400, requestId: "body-1" } })).toMatchObject({
      requestId: "body-1",
    });
  });
});

describe("withRetry", () => {
  const retryable = () => errorFromResponse({ code: 4400 }) as ApiError;

  it("backs off with full jitter, never past maxDelayMs", async () => {
    const delays: number[] = [];
    let calls = 0;
    const options = {
      attempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 300,
      random: () => 0.99,
      sleep: async (ms: number) => void delays.push(ms),
    };
    await expect(
      withRetry(async () => {
        calls++;
        throw retryable();
      }, options),
    ).rejects.toMatchObject({ code: 4400, attempts: 5 });
    expect(calls).toBe(5);
    expect(delays).toEqual([99, 198, 297, 297]);
  });

  it("stops at once when Retry-After is past maxDelayMs, or shouldRetry says no", async () => {
    let calls = 0;
    const long = () => errorFromCode(CommonErrorCode.QuotaExceeded, { retryAfterMs: 60_000 });
    await expect(
      withRetry(
        async () => {
          calls++;
          throw long();
        },
        { ...clock, maxDelayMs: 1000 },
      ),
    ).rejects.toBeInstanceOf(QuotaExceededError);
    expect(calls).toBe(1);
    await expect(
      withRetry(
        async () => {
          calls++;
          throw retryable();
        },
        { ...clock, shouldRetry: () => false },
      ),
    ).rejects.toBeDefined();
    expect(calls).toBe(2);
  });

  it("rethrows what is not a retryable ApiError, untouched but for a hidden attempts", async () => {
    const thrown = new Error("bug");
    await expect(
      withRetry(async () => {
        throw thrown;
      }, clock),
    ).rejects.toBe(thrown);
    expect(Object.keys(thrown)).not.toContain("attempts");
  });

  it("stops during the wait on abort, and rethrows the last error", async () => {
    const controller = new AbortController();
    const sleep = async () => controller.abort();
    const last = retryable();
    await expect(
      withRetry(
        async () => {
          throw last;
        },
        { sleep, signal: controller.signal },
      ),
    ).rejects.toBe(last);
  });
});

describe("the README's client", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The client and the server"));
  const client = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? "";

  it("is the client these tests run, in under 30 lines", () => {
    for (const line of [
      ".catch((cause: unknown) => ({ cause }));",
      "const error = await errorFromHttp(response, { module: accountModule });",
      "if (error) throw error;",
      "return ((await (response as Response).json()) as { data: T }).data;",
      "{ attempts: 4, signal: options.signal },",
    ]) {
      expect(client).toContain(line);
    }
    expect(client.trim().split("\n").length).toBeLessThan(30);
  });

  it("type-checks strictly against the generated code", () => {
    const dir = tempDir();
    const source = client
      .replace("./generated/index.js", join(ROOT, "generated/index.js"))
      .replace("./generated/modules/account.js", join(ROOT, "generated/modules/account.js"));
    const prelude =
      "declare const base: string;\ndeclare const log: { warn(...args: unknown[]): void };\ndeclare function retryLater(): void;\n";
    writeFileSync(join(dir, "client.ts"), prelude + source);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const flags = ["--ignoreConfig", "--noEmit", "--strict", "--exactOptionalPropertyTypes", "--module", "nodenext"];
    const more = ["--target", "es2022", "--lib", "es2022,dom", "--types", "", "--skipLibCheck"];
    const result = spawnSync(process.execPath, [tsc, ...flags, ...more, join(dir, "client.ts")], { encoding: "utf8" });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("types that narrow", () => {
  it("narrows by known and code, and types a named module's errors", () => {
    const error = errorFromResponse({ code: 4400 }, { module: "account" });
    if (error?.known) {
      switch (error.code) {
        case CommonErrorCode.QuotaExceeded:
          expectTypeOf(error).toMatchTypeOf<QuotaExceededError>();
          break;
      }
    }
    const name = error?.moduleError?.name;
    expectTypeOf(name).toEqualTypeOf<keyof typeof AccountModuleErrorCode | undefined>();
    expectTypeOf(errorFromCode(CommonErrorCode.QuotaExceeded)).toEqualTypeOf<QuotaExceededError>();
    expect(error).toBeInstanceOf(QuotaExceededError);
  });
});
