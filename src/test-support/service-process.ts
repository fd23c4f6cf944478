import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

const running: ChildProcess[] = [];

/** Kills every service process the tests started (call in afterAll). */
export function stopServers(): void {
  for (const child of running) child.kill("SIGKILL");
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * How long a spawned service may take to start (tsx compiles it first): generous, because other
 * test files run beside this one and a busy 2-core machine can take ten seconds or more.
 */
export const SLOW_START_MS = 30_000;

export interface ServiceProcess {
  url(route: string): string;
  pid: number | undefined;
  waitUntilReady(): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash: nothing is finished or closed. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
  output(): string;
}

/** Starts `npm start`'s server on a free port with `environment` added to this process's. */
export async function startServer(environment: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: { ...process.env, PORT: String(port), ...environment },
  });
  running.push(child);
  let output = "";
  child.stdout.on("data", (data) => {
    output += data;
  });
  child.stderr.on("data", (data) => {
    output += data;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const url = (route: string) => `http://127.0.0.1:${port}${route}`;
  const waitUntilReady = async () => {
    for (let attempt = 0; attempt < SLOW_START_MS / 100; attempt++) {
      const response = await fetch(url("/readyz")).catch(() => undefined);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server never became ready:\n${output}`);
  };
  const stopWith = (signal: NodeJS.Signals) => async () => {
    child.kill(signal);
    await exited;
  };
  return {
    url,
    pid: child.pid,
    waitUntilReady,
    stop: stopWith("SIGTERM"),
    kill: stopWith("SIGKILL"),
    exited,
    output: () => output,
  };
}
