/** Writes a machine-readable summary as one JSON document on stdout (the --json contract). */
export function printJson(summary: unknown, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(`${JSON.stringify(summary, null, 2)}\n`);
}
