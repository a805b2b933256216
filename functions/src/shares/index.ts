// Entry points of the share links: thin wrappers over the domain functions in this folder. Each is
// named as deployed, so its domain function (same name) is reached through its module.
import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onSchedule } from "firebase-functions/v2/scheduler";
import * as z from "zod/mini";
import { publicCallable, signedInCallable, type AnyCaller } from "../common/callable.js";
import { trustedProxyHops } from "../config.js";
import { clientKey } from "../rate-limit/per-ip.js";
import { callables, firestorePaths } from "../schema.js";
import * as copying from "./copy.js";
import * as creation from "./create.js";
import { productionShareDeps, type ShareCaller } from "./deps.js";
import * as management from "./manage.js";
import * as opening from "./open.js";
import * as sweeping from "./sweep.js";
import { syncSharesOfConversation } from "./sync.js";
import { flushViewCounts } from "./views.js";
import { endDeletedConversation } from "../conversations/conversation-deletion.js";
import { logged } from "../common/request-log.js";
import { randomUUID } from "node:crypto";

const shareCaller = ({ uid, request }: AnyCaller): ShareCaller => ({
  uid,
  clientKey: clientKey(request.rawRequest.headers, trustedProxyHops.value()),
});

export const createShare = signedInCallable(callables.createShare, {}, (input, { uid }) =>
  creation.createShare(productionShareDeps(), uid, input),
);
export const updateShare = signedInCallable(callables.updateShare, {}, (input, { uid }) =>
  management.updateShare(productionShareDeps(), uid, input),
);
export const revokeShare = signedInCallable(callables.revokeShare, {}, ({ code }, { uid }) =>
  management.revokeShare(productionShareDeps(), uid, code),
);
export const regenerateShare = signedInCallable(callables.regenerateShare, {}, ({ code }, { uid }) =>
  creation.regenerateShare(productionShareDeps(), uid, code),
);
export const openShare = publicCallable(callables.openShare, {}, (input, caller) =>
  opening.openShare(productionShareDeps(), shareCaller(caller), input),
);
export const copySharedConversation = signedInCallable(
  callables.copySharedConversation,
  {},
  (input, caller) =>
    copying.copySharedConversation(productionShareDeps(), { ...shareCaller(caller), uid: caller.uid }, input),
);

const contentParams = z.object({ uid: z.string(), conversationId: z.string() });

// Retried: a missed sync would leave a share showing an old copy, or a deleted conversation's
// invites, shares and history behind. This trigger is the one that ends a deleted conversation.
export const syncShares = onDocumentWritten(
  { document: firestorePaths.content("{uid}", "{conversationId}"), retry: true },
  (event) =>
    logged("syncShares", event.id, async () => {
      const { uid, conversationId } = contentParams.parse(event.params);
      const deps = { db: getFirestore(), now: () => new Date() };
      const after = event.data?.after;
      if (!after?.exists) {
        const ended = await endDeletedConversation(deps, uid, conversationId);
        logger.info("Ended a deleted conversation.", { ...event.params, ...ended });
        return;
      }
      const result = await syncSharesOfConversation(
        deps,
        uid,
        conversationId,
        after.data()!,
        (message, fields) => logger.warn(message, fields),
      );
      if (result.updated > 0) logger.info("Synced shares.", { ...event.params, ...result });
    }),
);

export const sweepShares = onSchedule({ schedule: "every 60 minutes", timeZone: "Asia/Seoul" }, (event) =>
  logged("sweepShares", event.jobName ?? randomUUID(), async () => {
    logger.info("Swept shares.", await sweeping.sweepShares(getFirestore(), new Date()));
  }),
);

// Views reach the owner's viewCount within a minute, in at most one write a minute per share.
export const flushShareViews = onSchedule({ schedule: "every 1 minutes" }, () =>
  logged("flushShareViews", randomUUID(), async () => {
    const moved = await flushViewCounts(getFirestore());
    if (moved > 0) logger.info("Flushed share views.", { moved });
  }),
);
