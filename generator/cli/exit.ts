/** Exit codes: the catalog or the output is wrong (1), the command line is (2), errcat is (3). */
export const EXIT = { ok: 0, problem: 1, usage: 2, bug: 3 } as const;
export type Exit = number;
