import { createUserWithEmailAndPassword, signInWithEmailAndPassword } from "firebase/auth";
import type { TalkStudio } from "../../client/src/index.js";
import { newClient } from "./emulators.js";

let userCount = 0;

/** `count` clients (browser tabs or devices) signed in as one new user. */
export async function tabs(count: number): Promise<TalkStudio[]> {
  const email = `tab-user${++userCount}-${Date.now()}@example.com`;
  const [first, ...others] = Array.from({ length: count }, () => newClient());
  await createUserWithEmailAndPassword(first!.auth, email, "password123");
  await Promise.all(others.map((tab) => signInWithEmailAndPassword(tab.auth, email, "password123")));
  return [first!, ...others];
}

export const twoTabs = async (): Promise<[TalkStudio, TalkStudio]> => {
  const [a, b] = await tabs(2);
  return [a!, b!];
};
