import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, launch } from "../test/browser/chromium.js";
import { median } from "./proc.js";

/** The reference page at one size: its bytes, and medians of fresh loads in headless Chromium. */
export interface PageResult {
  readonly bytes: number;
  readonly runs: number;
  /** First contentful paint of a fresh load, from navigation start. */
  readonly fcpMs: number;
  /** The first keystroke in the search box, a second after load, input to the next frame. */
  readonly firstKeyMs: number;
  /** Every later keystroke of the queries typed, input to the next frame. */
  readonly keyMs: number;
}

/** Queries typed a key at a time: a code, an English word, a Chinese word, then cleared. */
const QUERIES = ["100123", "quota", "配置"];

/**
 * In the page: time from each `input` event's creation (before the page's search handler runs)
 * to the frame after it, painted (a task posted from `requestAnimationFrame` runs once that frame
 * is out). This listener is added after the page's own, so it runs after the search.
 */
const INSTRUMENT = `
  window.__keys = [];
  const box = document.getElementById("q");
  box.addEventListener("input", (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__keys.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  });
`;

async function loadOnce(browser: Browser, url: string): Promise<{ fcp: number; keys: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  // A small page can load before its first paint is recorded: wait for the entry (buffered), up to 5 s.
  const fcp = await page.evaluate(`new Promise((resolve) => {
    const done = (entry) => entry && resolve(entry.startTime);
    done(performance.getEntriesByName("first-contentful-paint")[0]);
    new PerformanceObserver((list) => done(list.getEntriesByName("first-contentful-paint")[0])).observe({ type: "paint", buffered: true });
    setTimeout(() => resolve(Number.NaN), 5000);
  })`);
  await page.evaluate(INSTRUMENT);
  // A reader types a moment after the page shows; the page indexes its rows in that idle time.
  await page.waitForTimeout(1000);
  const keys = await typeQueries(page);
  await context.close();
  return { fcp: Number(fcp), keys };
}

async function typeQueries(page: Page): Promise<number[]> {
  await page.focus("#q");
  for (const query of QUERIES) {
    for (const key of query) {
      await page.keyboard.type(key);
      await page.waitForTimeout(120);
    }
    await page.fill("#q", "");
  }
  return (await page.evaluate("window.__keys")) as number[];
}

/**
 * Measures the page `runs` times, each a fresh browser context. `undefined` where no Chromium is
 * installed (the bench reports the rows as not measured).
 */
export async function measurePage(file: string, runs: number): Promise<PageResult | undefined> {
  if (!chromiumPath) return undefined;
  const browser = await launch();
  try {
    const url = pathToFileURL(file).href;
    const fcps: number[] = [];
    const first: number[] = [];
    const later: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { fcp, keys } = await loadOnce(browser, url);
      fcps.push(fcp);
      if (keys[0] !== undefined) first.push(keys[0]);
      later.push(...keys.slice(1));
    }
    return { bytes: statSync(file).size, runs, fcpMs: median(fcps), firstKeyMs: median(first), keyMs: median(later) };
  } finally {
    await browser.close();
  }
}
