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
  readonly locales?: readonly string[];
  readonly defaultLocale?: string;
  readonly success: CodeValue | { readonly absent: string };
  readonly envelope?: EnvelopeDocument;
  readonly reserved?: readonly CodeValue[];
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

export interface EnvelopeDocument {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

export interface DeprecatedDocument {
  readonly reason: string;
  readonly replacedBy?: CodeValue;
}

export interface CommonCodeDocument {
  readonly code: CodeValue;
  readonly name?: string;
  readonly type?: TextDocument;
  readonly description: TextDocument;
  readonly fault: Fault;
  readonly retryable?: boolean;
  readonly deprecated?: DeprecatedDocument;
}

export interface PatternDocument {
  readonly name: string;
  readonly regex: string;
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
  readonly reserved?: readonly CodeValue[];
  readonly codes: readonly ModuleCodeDocument[];
}

export interface ModuleCodeDocument {
  readonly code: CodeValue;
  readonly name?: string;
  readonly description: TextDocument;
  readonly deprecated?: DeprecatedDocument;
}
