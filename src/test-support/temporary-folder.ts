import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh folder under the system temp dir, with helpers to write files into it. */
export function makeTemporaryFolder(prefix = "grounded-faq-test-") {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    root,
    write(relativePath: string, content: string | Uint8Array): void {
      const file = path.join(root, relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    },
    remove(relativePath: string): void {
      fs.rmSync(path.join(root, relativePath));
    },
    cleanUp(): void {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
