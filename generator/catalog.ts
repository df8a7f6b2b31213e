/**
 * The catalog document as the JSON Schema in `schema/error-catalog.schema.json` admits it.
 * Only `schema.ts` produces values of these types, after ajv has checked them.
 */

export type Fault = "client" | "server";

/** An integer code, or a string code such as `InvalidParameter.ProjectIdNotExist`. */
export type CodeValue = number | string;

/** A text, or a map of locales to texts. */
export type TextDocument = string | Readonly<Record<string, string>>;

export interface CatalogDocument {
  readonly format: 1;
  readonly title?: TextDocument;
  /** A stable id that brands every generated error; without it, the title's default text stands in. */
  readonly id?: string;
  readonly locales?: readonly string[];
  readonly defaultLocale?: string;
  readonly success: SuccessDocument;
  readonly envelope?: EnvelopeDocument;
  /** The HTTP status of codes and categories that give none. */
  readonly defaultHttpStatus?: number;
  readonly categories?: readonly CategoryDocument[];
  readonly reserved?: readonly ReservedDocument[];
  readonly common: readonly CommonCodeDocument[];
  readonly moduleErrors?: {
    readonly in?: "message" | "code";
    readonly patterns?: readonly PatternDocument[];
    readonly modules?: readonly ModuleDocument[];
  };
  readonly include?: readonly string[];
  readonly output?: OutputDocument;
}

export interface OutputDocument {
  readonly enumStyle?: "enum" | "const";
  /** The extension of the output's own import specifiers; `.js` by default. */
  readonly importExtension?: ".js" | ".ts";
  /** Whether to write the HTML reference page; default true. */
  readonly html?: boolean;
  readonly docs?: {
    /** `users` (default): no TypeScript names; `developers`: a column of them. */
    readonly audience?: "users" | "developers";
    /** Above this many codes in the whole catalog, the docs get one file per module; default 1,000. */
    readonly splitAbove?: number;
  };
}

/** A file named by `include`: more modules. */
export interface IncludedDocument {
  readonly modules: readonly ModuleDocument[];
}

/** A scalar a success rule compares a body field with. */
export type FieldValue = string | number | boolean | null;

/**
 * What means success: a code, a list of codes, `{ absent: path }` (absent or null),
 * `{ when: { path: value } }` (every field equals its value) or `{ unless: { path: value } }`.
 */
export type SuccessDocument =
  | CodeValue
  | readonly CodeValue[]
  | { readonly absent: string }
  | { readonly when: Readonly<Record<string, FieldValue>> }
  | { readonly unless: Readonly<Record<string, FieldValue>> };

export interface EnvelopeDocument {
  /** A path, or paths tried in order: the first holding a code wins. */
  readonly code?: string | readonly string[];
  readonly message?: string;
  readonly requestId?: string;
  /** The response header a request id may arrive in. */
  readonly requestIdHeader?: string;
  /** A body field carrying the HTTP status, as RFC 9457's `status`. */
  readonly status?: string;
  /** Extra body values copied into `error.fields`, by name. */
  readonly fields?: Readonly<Record<string, string>>;
}

/** Codes that start with `prefix`, with what they share. */
export interface CategoryDocument {
  readonly prefix: string;
  readonly name: string;
  readonly type?: TextDocument;
  readonly description?: TextDocument;
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
}

/** A retired code, a range of them, or a retired code with the name it had. */
export type ReservedDocument =
  | CodeValue
  | { readonly from: number; readonly to: number }
  | { readonly code: CodeValue; readonly name: string };

export interface DeprecatedDocument {
  readonly reason: string;
  readonly replacedBy?: CodeValue;
}

export interface CommonCodeDocument {
  readonly code: CodeValue;
  readonly name?: string;
  readonly className?: string;
  readonly aliases?: readonly string[];
  readonly type?: TextDocument;
  readonly description: TextDocument;
  /** Required unless a category covers the code. */
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
  readonly deprecated?: DeprecatedDocument;
}

export interface PatternDocument {
  readonly name: string;
  readonly regex: string;
  /** How a module error is written back into a message: `({code}) {text}`. */
  readonly format?: string;
  readonly examples?: readonly PatternExampleDocument[];
}

export interface PatternExampleDocument {
  readonly message: string;
  readonly code: CodeValue;
  readonly text: string;
}

export interface ModuleDocument {
  readonly name: string;
  readonly title?: TextDocument;
  readonly reserved?: readonly ReservedDocument[];
  readonly codes: readonly ModuleCodeDocument[];
}

export interface ModuleCodeDocument {
  readonly code: CodeValue;
  readonly name?: string;
  readonly description: TextDocument;
  /** Override the common code the module code arrives under. */
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly httpStatus?: number;
  readonly deprecated?: DeprecatedDocument;
}
