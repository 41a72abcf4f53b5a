// CLI output for scripts (the app itself logs through lib/logger.ts).
export function print(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function printError(message: string): void {
  process.stderr.write(`${message}\n`);
}
