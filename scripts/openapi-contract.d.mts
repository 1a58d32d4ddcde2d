/** The server's parts that build its OpenAPI document (the compiled package or, in tests, its sources). */
export interface OpenApiServer {
  buildApp(options: { db: unknown; clock: unknown; registry: unknown }): Promise<{ inject(options: { method: 'GET'; url: string }): Promise<{ statusCode: number; body: string; json(): unknown }>; close(): Promise<unknown> }>;
  openDatabase(options: Record<string, never>): Promise<{ db: unknown; close(): Promise<void> }>;
  fixedClock(at: number): unknown;
  loadShippedCatalog(): Promise<unknown>;
}

export const GENERATED_PATH: string;
export function serverOpenApiDocument(server: OpenApiServer): Promise<unknown>;
export function renderClientSchema(document: unknown): Promise<string>;
