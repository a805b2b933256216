// Entry points of members and invites: thin wrappers over the domain functions in this folder.
import type { CallableRequest } from "firebase-functions/v2/https";
import { signedInCallable } from "../common/callable.js";
import { trustedProxyHops } from "../config.js";
import { clientKey } from "../rate-limit/per-ip.js";
import { callables } from "../schema.js";
import { productionShareDeps } from "../shares/deps.js";
import * as invites from "./invites.js";
import * as members from "./members.js";

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
