import * as z from "zod";
import { LIMITS } from "./limits.js";

export const displayNameSchema = z.string().trim().min(1).max(LIMITS.displayNameChars);
export const photoUrlSchema = z.url({ protocol: /^https$/ }).max(LIMITS.urlChars);

/** The profile fields the server derives from the Auth user. */
export const profileFields = z.object({
  displayName: displayNameSchema.nullable(),
  photoURL: photoUrlSchema.nullable(),
  /** Firebase's provider ids (`google.com`, `github.com`), and `kakao` for Kakao's custom-token users. */
  providers: z.array(z.string()),
});
export type ProfileFields = z.infer<typeof profileFields>;

/** `users/{uid}`; `Time` is the Timestamp class of whichever SDK reads it. */
export type UserProfile<Time> = ProfileFields & { createdAt: Time; updatedAt: Time };

/** What the owner may change (firestore.rules enforces the same). `null` clears a field. */
export const profileUpdateInput = z
  .strictObject({
    displayName: displayNameSchema.nullable().optional(),
    photoURL: photoUrlSchema.nullable().optional(),
  })
  .refine((update) => Object.keys(update).length > 0, { message: "Nothing to update." });
export type ProfileUpdateInput = z.infer<typeof profileUpdateInput>;
