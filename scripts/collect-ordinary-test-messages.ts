// Writes evals/safety-messages/unit-test-ordinary/ordinary.txt: the ordinary messages the safety tests
// say must be left alone (the `it.each` lists of "leaves %j alone", "sees no …", "sees nothing …"),
// for the safety classifier to learn from as well. Run after adding such a test, then
// `npm run train:safety`.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const testFiles = ["src/safety/detect-safety-concern.test.ts", "src/safety/warning-signs.test.ts"];
const ORDINARY_LIST =
  /it\.each\(\[((?:(?!it\.each\()[\s\S])*?)\]\)\(\s*"(?:leaves %j alone|sees no[^"]*|sees nothing[^"]*)"/g;
const STRING = /"((?:[^"\\\n]|\\.)*)"/g;

const messages = new Set<string>();
for (const file of testFiles) {
  const source = fs.readFileSync(path.join(root, file), "utf8");
  for (const [, list = ""] of source.matchAll(ORDINARY_LIST)) {
    for (const [, literal = ""] of list.replace(/^\s*\/\/.*$/gm, "").matchAll(STRING)) {
      messages.add((JSON.parse(`"${literal}"`) as string).replace(/\s+/g, " ").trim());
    }
  }
}
const folder = path.join(root, "evals/safety-messages/unit-test-ordinary");
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(path.join(folder, "ordinary.txt"), `${[...messages].join("\n")}\n`);
console.log(`wrote ${messages.size} messages to ${path.relative(root, folder)}/ordinary.txt`);
