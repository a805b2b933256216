import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { DomainError } from "../common/errors.js";
import type { PasswordHash } from "../schema.js";
import { isCommonPassword } from "./common-passwords.js";

/**
 * scrypt cost: N=2^15, r=8 needs 32 MiB and ~60 ms a guess on one core — online guessing is already
 * capped by the attempt limits; this protects the hashes if the database ever leaks. Stored beside
 * each hash, so raising them later leaves old shares verifiable.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, params: Omit<PasswordHash, "algorithm" | "salt" | "hash">) {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * A new salted hash of `password` (NFC-normalised: the same Hangul typed on any keyboard matches).
 * Every new password passes here, so here one of the most common is refused.
 */
export async function hashPassword(password: string): Promise<PasswordHash> {
  if (isCommonPassword(password)) {
    throw new DomainError(
      "invalid-argument",
      "password-too-common",
      "This password is one of the most common ones; choose another.",
    );
  }
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PARAMS);
  return { algorithm: "scrypt", ...PARAMS, salt: salt.toString("base64"), hash: hash.toString("base64") };
}

/** Whether `password` matches `stored`, compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, "base64");
  const actual = await derive(password, Buffer.from(stored.salt, "base64"), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
