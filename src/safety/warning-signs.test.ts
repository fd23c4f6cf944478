import { describe, expect, it } from "vitest";
import { crisisBySigns } from "./warning-signs.js";

describe("crisisBySigns", () => {
  it.each([
    // Several signs of one kind, in any order or words.
    ["胸口好緊，右手也一直麻，冷汗直流", "emergency"],
    ["the man by gate 3 is on the floor shaking and foaming at the mouth", "emergency"],
    ["我兒子剛剛把一整瓶止痛藥都吞了", "emergency"],
    ["信留在桌上了，給家人的信也寫好了，之後就不會再麻煩大家了", "self_harm"],
    ["我現在站在頂樓，覺得跳下去就解脫了", "self_harm"],
    ["他又喝醉了在客廳摔東西，我跟妹妹躲在房間", "abuse"],
    ["my coach grabbed me again after practice and said if i tell anyone i'm off the team", "abuse"],
    // Signs of different kinds together.
    ["室友把自己鎖在房間，剛剛說對不起大家，現在敲門都沒有回應", "emergency"],
  ])("reads %j as %s", (message, topic) => {
    expect(crisisBySigns(message)).toBe(topic);
  });

  it.each([
    // One sign alone is no crisis.
    "請問頂樓的曬衣場幾點關？",
    "thanks for everything, goodbye and see you next term",
    // Supposed, rehearsed, over and well.
    "如果有人在大廳抽搐倒地，櫃台會叫救護車嗎",
    "We have a first-aid training course where someone plays a person not breathing on the floor",
    "去年我爸在這裡暈倒，現在人都平安了，想謝謝當天的護理師",
    // A death in the family, a device, a bus stop, a bruise from sport with no blow.
    "我爸爸過世了，後事都安排好了，想把他的帳戶停掉",
    "我現在沒有呼吸器，可以租借嗎",
    "I want to jump off the bus at the bridge stop",
    "孩子腿上的瘀青是踢球撞到的，爸爸不會打他",
  ])("sees no crisis in %j", (message) => {
    expect(crisisBySigns(message)).toBeUndefined();
  });
});
