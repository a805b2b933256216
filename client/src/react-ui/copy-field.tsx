// A link shown read-only with a button that copies it (the field is selected too, for a manual copy).
import { useState } from "react";
import { CopyIcon } from "./icons.js";
import type { Strings } from "./locale.js";

export function CopyField(props: { readonly label: string; readonly value: string; readonly t: Strings }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(props.value);
    setCopied(true);
  };
  return (
    <div className="ts-copy-field">
      <input
        className="ts-input"
        readOnly
        aria-label={props.label}
        value={props.value}
        onFocus={(event) => event.target.select()}
      />
      <button
        type="button"
        className="ts-button"
        onClick={() => void copy().catch(() => setCopied(false))}
        aria-live="polite"
      >
        <CopyIcon />
        {copied ? props.t.copied : props.t.copy}
      </button>
    </div>
  );
}
