import fs from "node:fs";
import { fileURLToPath } from "node:url";

/** What a command reads its settings from and writes to: the process's own, or a test's. */
export interface CommandContext {
  environment: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A command-line tool as a function: arguments in, exit code out. It does not throw. */
export type Command = (argv: string[], context: CommandContext) => Promise<number>;

/**
 * Runs the command with the process's arguments, environment and output, then exits with its code,
 * but only when `moduleUrl` (the caller's `import.meta.url`) is the script node was started with:
 * importing a command's module, as its tests do, runs nothing.
 */
export function runWhenMain(moduleUrl: string, command: Command): void {
  if (!isMainModule(moduleUrl)) return;
  const context = { environment: process.env, stdout: process.stdout, stderr: process.stderr };
  command(process.argv.slice(2), context).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    // Real paths on both sides: node runs a symlinked script from where the link points.
    return fs.realpathSync(script) === fs.realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
