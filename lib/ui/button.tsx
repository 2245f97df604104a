import type { ButtonHTMLAttributes, Ref } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const styles: Record<Variant, string> = {
  primary: "bg-accent text-on-accent hover:bg-accent-strong disabled:bg-accent/60",
  // A disabled button must look it: "撤销" with nothing to undo looked like it could be pressed.
  secondary: "border border-line-strong bg-raised text-fg hover:bg-sunken disabled:opacity-60 disabled:hover:bg-raised",
  ghost: "text-fg-soft hover:bg-sunken disabled:opacity-60 disabled:hover:bg-transparent",
  /** Actions that cannot be taken back (deleting the account). */
  danger: "bg-bad text-on-accent hover:opacity-90 disabled:opacity-60",
};

/** Touch targets are at least 44 px high (min-h-11 min-w-11). */
export function buttonClass(variant: Variant = "primary", extra = "") {
  return `inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-4 text-base font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus ${styles[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  ref,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; ref?: Ref<HTMLButtonElement> }) {
  return <button ref={ref} className={buttonClass(variant, className)} {...props} />;
}
