import { describe, expect, it } from "vitest";
import { splitWebAddresses } from "./web-addresses.js";

const links = (text: string) => splitWebAddresses(text).flatMap((piece) => (piece.href ? [piece.href] : []));

describe("web addresses in answer text", () => {
  it("cuts the text into plain pieces and addresses, losing nothing", () => {
    const text = "請至 https://housing.example.edu/apply?term=winter 申請。";
    expect(splitWebAddresses(text)).toEqual([
      { text: "請至 " },
      { text: "https://housing.example.edu/apply?term=winter", href: "https://housing.example.edu/apply?term=winter" },
      { text: " 申請。" },
    ]);
    expect(
      splitWebAddresses(text)
        .map((piece) => piece.text)
        .join(""),
    ).toBe(text);
  });

  it("leaves sentence punctuation and brackets it did not open outside the link", () => {
    expect(links("網址：https://a.example.edu/fees。")).toEqual(["https://a.example.edu/fees"]);
    expect(links("網址（https://a.example.edu/fees）")).toEqual(["https://a.example.edu/fees"]);
    expect(links("See https://a.example.edu/fees.")).toEqual(["https://a.example.edu/fees"]);
    expect(links("(see https://a.example.edu/fees), then")).toEqual(["https://a.example.edu/fees"]);
    expect(links("See https://en.wikipedia.org/wiki/Fee_(finance).")).toEqual([
      "https://en.wikipedia.org/wiki/Fee_(finance)",
    ]);
    expect(links("請見https://a.example.edu/x申請")).toEqual(["https://a.example.edu/x"]);
    expect(links("Apply at https://a.example.edu/apply.[1]")).toEqual(["https://a.example.edu/apply"]);
  });

  it("links only http and https addresses", () => {
    expect(links("javascript:alert(1) data:text/html,<b>x</b> ftp://a.example.edu mailto:a@example.edu")).toEqual([]);
    expect(links("javascript:alert('https://a.example.edu')")).toEqual(["https://a.example.edu"]);
    expect(links("https:// nothing, http://")).toEqual([]);
  });
});
