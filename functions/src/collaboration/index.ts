// Entry points of editing together (members, invites, version history): thin wrappers over the
// domain functions in this folder.
import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import type { CallableRequest } from "firebase-functions/v2/https";
import * as z from "zod/mini";
import { signedInCallable } from "../common/callable.js";
import { logged } from "../common/request-log.js";
import { trustedProxyHops } from "../config.js";
import { clientKey } from "../rate-limit/per-ip.js";
import { callables, firestorePaths } from "../schema.js";
import { productionShareDeps } from "../shares/deps.js";
import * as invites from "./invites.js";
import * as members from "./membership.js";
import * as versions from "./version-history.js";

export const inviteToConversation = signedInCallable(callables.inviteToConversation, {}, (input, { uid }) =>
  invites.inviteToConversation(productionShareDeps(), uid, input),
);
export const listInvites = signedInCallable(
  callables.listInvites,
  {},
  async ({ conversationId }, { uid }) => ({
    items: await invites.listInvites(productionShareDeps(), uid, conversationId),
  }),
);
export const revokeInvite = signedInCallable(callables.revokeInvite, {}, ({ code }, { uid }) =>
  invites.revokeInvite(productionShareDeps(), uid, code),
);
const inviteCaller = ({ uid, request }: { uid: string; request: CallableRequest<unknown> }) => ({
  uid,
  clientKey: clientKey(request.rawRequest.headers, trustedProxyHops.value()),
});
export const acceptInvite = signedInCallable(callables.acceptInvite, {}, ({ code }, caller) =>
  invites.acceptInvite(productionShareDeps(), inviteCaller(caller), code),
);
export const previewInvite = signedInCallable(callables.previewInvite, {}, ({ code }, caller) =>
  invites.previewInvite(productionShareDeps(), inviteCaller(caller), code),
);
export const listMembers = signedInCallable(callables.listMembers, {}, async (input, { uid }) => ({
  items: await members.listMembers(productionShareDeps(), uid, input),
}));
export const removeMember = signedInCallable(callables.removeMember, {}, async (input, { uid }) => {
  await members.removeMember(productionShareDeps(), uid, input);
  return {};
});
export const leaveConversation = signedInCallable(callables.leaveConversation, {}, async (input, { uid }) => {
  await members.leaveConversation(productionShareDeps(), uid, input);
  return {};
});

const deps = (): versions.VersionDeps => ({ db: getFirestore(), now: () => new Date() });

export const saveVersion = signedInCallable(callables.saveVersion, {}, (input, { uid }) =>
  versions.saveVersion(deps(), uid, input),
);
export const restoreVersion = signedInCallable(callables.restoreVersion, {}, (input, { uid }) =>
  versions.restoreVersion(deps(), uid, input),
);

const contentParams = z.object({ uid: z.string(), conversationId: z.string() });

// Retried: a missed event would leave a gap in the history (each version is written once at most).
export const recordVersions = onDocumentWritten(
  { document: firestorePaths.content("{uid}", "{conversationId}"), retry: true },
  (event) =>
    logged("recordVersions", event.id, async () => {
      const { uid, conversationId } = contentParams.parse(event.params);
      const before = event.data?.before;
      const result = await versions.recordContentWrite(
        deps(),
        uid,
        conversationId,
        before?.exists && before.updateTime
          ? { data: before.data() ?? {}, updateTime: before.updateTime.toDate() }
          : undefined,
        event.data?.after.exists ? event.data.after.data() : undefined,
      );
      if (result !== "skipped") logger.info("Recorded versions.", { ...event.params, result });
    }),
);
