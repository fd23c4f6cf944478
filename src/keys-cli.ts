import { parseArgs } from "node:util";
import { type CommandContext, runWhenMain } from "./command-line.js";
import { ConfigError, loadConfig } from "./config.js";
import { openEditorialDatabase } from "./database/open-database.js";
import { ApiKeyStore, ROLES } from "./editorial/api-keys.js";
import { newKeySchema } from "./http/routes/editorial-schemas.js";

const USAGE = `usage:
  npm run keys -- create --role <${ROLES.join("|")}> --name "<who holds it>"
  npm run keys -- list
  npm run keys -- revoke <id>
Keys are kept (hashed) in the editorial database (DATABASE_URL, or DATA_DIR/editorial.sqlite); a new key is printed once.`;

class UsageError extends Error {}

/**
 * `npm run keys`: creates, lists and revokes API keys on this machine (the first admin key comes
 * from here). Returns the exit code: 0, or 2 with the reason on stderr.
 */
export async function runKeysCommand(argv: string[], context: CommandContext): Promise<number> {
  try {
    // Awaited here, so that a failure is caught below.
    return await manageKeys(argv, context);
  } catch (error) {
    const message =
      error instanceof UsageError
        ? `${error.message}\n\n${USAGE}`
        : error instanceof ConfigError || (error as NodeJS.ErrnoException).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
          ? (error as Error).message
          : `keys failed: ${(error as Error).message}`;
    context.stderr.write(`${message}\n`);
    return 2;
  }
}

async function manageKeys(argv: string[], { environment, stdout }: CommandContext): Promise<number> {
  const print = (line: string) => stdout.write(`${line}\n`);
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const [command, ...rest] = positionals;
  const database = await openEditorialDatabase(loadConfig(environment).editorialDatabase);
  const keys = new ApiKeyStore(database.db);
  try {
    switch (command) {
      case "create": {
        // The same rule as POST /v1/keys.
        const input = newKeySchema.safeParse({ role: values.role, name: values.name ?? "" });
        if (!input.success) {
          throw new UsageError(
            input.error.issues[0]?.path[0] === "role"
              ? `--role must be one of ${ROLES.join(", ")}`
              : '--name is required, at most 100 characters (control and bidi characters are removed): say who holds the key, e.g. --name "registrar office"',
          );
        }
        const { key, record } = await keys.create({ ...input.data, createdBy: "npm run keys" });
        print(`created ${record.role} key "${record.name}" (id ${record.id})`);
        print(`key (shown once; send it as Authorization: Bearer <key>):\n${key}`);
        return 0;
      }
      case "list": {
        for (const record of await keys.list()) {
          const state = record.revokedAt ? `revoked ${record.revokedAt}` : "active";
          print(`${record.id}  ${record.role.padEnd(6)}  ${record.keyPrefix}…  ${state}  ${record.name}`);
        }
        return 0;
      }
      case "revoke": {
        const [id] = rest;
        if (!id) throw new UsageError("revoke needs the key's id (see npm run keys -- list)");
        const revoked = await keys.revoke(id);
        if (!revoked) throw new UsageError(`no key with id ${id}`);
        print(`revoked "${revoked.name}" (${revoked.role}) at ${revoked.revokedAt}`);
        return 0;
      }
      default:
        throw new UsageError(command ? `unknown command "${command}"` : "give a command");
    }
  } finally {
    await database.close();
  }
}

runWhenMain(import.meta.url, runKeysCommand);
