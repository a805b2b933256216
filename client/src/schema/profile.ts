import * as z from "zod/mini";
import { LIMITS } from "./limits.js";

export const displayNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(LIMITS.displayNameChars));
/** An https URL with a host (a regex, as for the other URLs: `z.url()` costs the client ~0.6 KB gzipped). */
export const photoUrlSchema = z
  .string()
  .check(z.maxLength(LIMITS.urlChars), z.regex(/^https:\/\/[^\s/?#]+\S*$/, "must be an https URL"));

/** The profile fields the server derives from the Auth user. */
export const profileFields = z.object({
  displayName: z.nullable(displayNameSchema),
  photoURL: z.nullable(photoUrlSchema),
  /** Firebase's provider ids (`google.com`, `github.com`), and `kakao` for Kakao's custom-token users. */
  providers: z.array(z.string()),
});
export type ProfileFields = z.infer<typeof profileFields>;

/** `users/{uid}`; `Time` is the Timestamp class of whichever SDK reads it. */
export type UserProfile<Time> = ProfileFields & { createdAt: Time; updatedAt: Time };

/** What the owner may change (firestore.rules enforces the same). `null` clears a field. */
export const profileUpdateInput = z
  .strictObject({
    displayName: z.optional(z.nullable(displayNameSchema)),
    photoURL: z.optional(z.nullable(photoUrlSchema)),
  })
  .check(z.refine((update) => Object.keys(update).length > 0, "Nothing to update."));
export type ProfileUpdateInput = z.infer<typeof profileUpdateInput>;
