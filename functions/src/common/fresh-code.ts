// Share and invite codes are random (132 bits): a collision is astronomically rare, but a new code
// is written with create-if-absent and drawn again when taken, never overwriting one.

const CODE_ATTEMPTS = 3;

/** Thrown by a write that found its code taken: the write is tried again with a fresh one. */
export class CodeTaken extends Error {}

export async function withFreshCode<T>(
  newCode: () => string,
  write: (code: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(newCode());
    } catch (error) {
      if (!(error instanceof CodeTaken) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}
