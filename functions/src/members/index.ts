// Entry points of members and invites: thin wrappers over the domain functions in this folder.
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
export const acceptInvite = signedInCallable(callables.acceptInvite, {}, ({ code }, { uid, request }) =>
  invites.acceptInvite(
    productionShareDeps(),
    { uid, clientKey: clientKey(request.rawRequest.headers, trustedProxyHops.value()) },
    code,
  ),
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
