// Types of node-runtime.mjs (plain JavaScript: the postinstall runs it on the machine's Node, before tsx).
export const PIN_FILE: string;
export function platformPackageName(platform: string, arch: string): string;
export function sha256File(file: string): string;
export type NodeRuntimeCheck =
  | { ok: true; skipped: true; message: string; name?: undefined; version?: undefined; integrity?: undefined }
  | { ok: true; skipped?: undefined; message?: undefined; name: string; version: string; integrity: string }
  | { ok: false; name: string; message: string };
export function verifyNodeRuntime(options: { root: string; platform?: string; arch?: string }): NodeRuntimeCheck;
export function quarantineNodeRuntime(options: { root: string; name?: string; message: string; platform?: string }): void;
export function isCheckedBinary(root: string, file: string): boolean;
