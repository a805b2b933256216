// The dialogs' frame: a modal over the page that keeps the keyboard inside (Tab and Shift+Tab wrap),
// closes on Escape and on the backdrop, and gives focus back to what had it when it closes.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { CloseIcon } from "./icons.js";
import { classes } from "./locale.js";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal(props: {
  readonly name: string;
  readonly title: ReactNode;
  readonly closeLabel: string;
  readonly onClose: () => void;
  readonly className?: string | undefined;
  /** Escape and the backdrop do nothing (a choice must be made): the conflict dialog. */
  readonly mustChoose?: boolean;
  readonly children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // What the dialog is for first (its body's first control), then anything, then the dialog itself.
    const first =
      box.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      box.current?.querySelector<HTMLElement>(`.ts-dialog-body :is(${FOCUSABLE})`) ??
      box.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box.current)?.focus();
    // On the document: a control that went away (a row revoked, a button disabled) leaves the focus
    // on the page's body, and Escape and Tab must still work from there.
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = box.current;
      if (!dialog) return;
      if (event.key === "Escape" && !latest.current.mustChoose) {
        event.stopPropagation();
        latest.current.onClose();
        return;
      }
      if (event.key !== "Tab") return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const [head, last] = [items[0], items.at(-1)];
      const active = document.activeElement;
      if (!head || !last) return event.preventDefault();
      if (!dialog.contains(active)) {
        event.preventDefault();
        (event.shiftKey ? last : head).focus();
      } else if (event.shiftKey && (active === head || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        head.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      opener?.focus();
    };
  }, []);

  return (
    <div
      className="ts-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !props.mustChoose) props.onClose();
      }}
    >
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={classes(`ts-dialog ts-${props.name}`, props.className)}
      >
        <header className="ts-dialog-header">
          <h2 id={titleId} className="ts-dialog-title">
            {props.title}
          </h2>
          {!props.mustChoose && (
            <button
              type="button"
              className="ts-icon-button"
              aria-label={props.closeLabel}
              onClick={props.onClose}
            >
              <CloseIcon />
            </button>
          )}
        </header>
        {props.children}
      </div>
    </div>
  );
}
