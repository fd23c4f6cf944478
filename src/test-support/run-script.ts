import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Command } from "../command-line.js";

const run = promisify(execFile);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of our TypeScript command-line scripts as `npm run` would, in a process of its own, and
 * returns its exit code and output. A second or two per run: keep it to one smoke test per command
 * and call the command's function with {@link runCommand} otherwise.
 */
export async function runScript(
  script: string,
  args: string[],
  environment: Record<string, string>,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, ...environment },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs a command in this process with only the given environment, and returns its exit code and output. */
export async function runCommand(
  command: Command,
  args: string[],
  environment: Record<string, string>,
): Promise<CommandResult> {
  const output = { stdout: "", stderr: "" };
  const code = await command(args, {
    environment,
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
  });
  return { code, ...output };
}
