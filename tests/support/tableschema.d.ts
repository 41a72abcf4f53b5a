// Minimal types of tableschema (Frictionless Table Schema validator, test-only; the package ships none).
declare module "tableschema" {
  export class Table {
    static load(source: string | unknown[][], options?: { schema?: object; headers?: number; format?: "csv"; encoding?: string; delimiter?: string }): Promise<Table>;
    get headers(): string[];
    read(options?: { keyed?: boolean; cast?: boolean; forceCast?: boolean; limit?: number }): Promise<unknown[]>;
  }
}
