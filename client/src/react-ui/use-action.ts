// A dialog's calls: one at a time, the refusal kept in words for a role="alert" line.
import { useState } from "react";
import { messageOf } from "../messages/index.js";
import type { Locale } from "./locale.js";

export function useAction(locale: Locale | undefined) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(messageOf(error, locale ?? "ko"));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run: (work: () => Promise<unknown>) => void run(work) };
}
