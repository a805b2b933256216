// The components speak Korean unless given `locale="en"`.
import { en } from "./strings-en.js";
import { ko, type Strings } from "./strings-ko.js";

export type Locale = "ko" | "en";
export type { Strings };

/** What every component takes besides its own props. */
export interface CommonProps {
  /** Default "ko". */
  readonly locale?: Locale;
  /** Added to the component's root element after its `ts-…` class. */
  readonly className?: string;
}

export const stringsOf = (locale: Locale = "ko"): Strings => (locale === "en" ? en : ko);

/** A date as the locale writes it, to the minute. */
export const dateText = (date: Date | string, locale: Locale = "ko") =>
  new Date(date).toLocaleString(locale === "en" ? "en-US" : "ko-KR", {
    dateStyle: "medium",
    timeStyle: "short",
  });

/** `ts-name` plus the caller's class. */
export const classes = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);
