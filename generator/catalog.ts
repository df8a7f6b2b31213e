/**
 * The catalog document as the JSON Schema in `schema/error-catalog.schema.json` admits it.
 * Only `schema.ts` produces values of these types, after ajv has checked them.
 */

export type Fault = "client" | "server";

export interface CatalogDocument {
  readonly format: 1;
  readonly title?: string;
  readonly success: number;
  readonly envelope?: EnvelopeDocument;
  readonly common: readonly CommonCodeDocument[];
  readonly moduleErrors?: {
    readonly patterns?: readonly PatternDocument[];
    readonly modules?: readonly ModuleDocument[];
  };
  readonly output?: { readonly enumStyle?: "enum" };
}

export interface EnvelopeDocument {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

export interface CommonCodeDocument {
  readonly code: number;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly fault: Fault;
  readonly retryable?: boolean;
}

export interface PatternDocument {
  readonly name: string;
  readonly regex: string;
  readonly examples?: readonly PatternExampleDocument[];
}

export interface PatternExampleDocument {
  readonly message: string;
  readonly code: number;
  readonly text: string;
}

export interface ModuleDocument {
  readonly name: string;
  readonly title?: string;
  readonly codes: readonly ModuleCodeDocument[];
}

export interface ModuleCodeDocument {
  readonly code: number;
  readonly name: string;
  readonly description: string;
}
