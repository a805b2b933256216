// The HTTP status of a refusal, for every `/s/**` answer (page, card, download): one mapping, so a
// share that is gone is 410 everywhere and a wrong guess is 403 everywhere. A missing password is
// the one refusal the page and the card answer with content instead (the form, the generic card: 200).
import type { DomainError } from "../common/errors.js";

const BY_CODE: Partial<Record<DomainError["code"], number>> = {
  "invalid-argument": 400,
  "permission-denied": 403,
  "not-found": 404,
  "failed-precondition": 403,
  "resource-exhausted": 429,
  unavailable: 503,
};
/** An expired or revoked share is gone, not forbidden; a missing password asks for one. */
const BY_REASON: Partial<Record<DomainError["reason"], number>> = {
  "share-expired": 410,
  "share-revoked": 410,
  "password-required": 401,
};

export const statusOf = (error: DomainError): number => BY_REASON[error.reason] ?? BY_CODE[error.code] ?? 400;
