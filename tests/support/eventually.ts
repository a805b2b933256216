// Kept apart from admin.ts: loading firebase-admin breaks the client SDK's Firestore connection in
// the same test file (its reads then fail over to the cache), and client tests need this too.

/** Polls `check` until it returns a value other than undefined: triggers run after the call returns. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Nothing within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
