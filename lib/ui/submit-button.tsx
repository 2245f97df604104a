"use client";
import { useSyncExternalStore, type ComponentProps } from "react";
import { Button } from "./button";

const noSubscription = () => () => {};

/**
 * The submit button of a form handled on the client. Disabled until the page has hydrated:
 * before that a tap would make the browser submit the form itself, as a GET to the same page
 * with every field (a password too) in the address, and the input would be lost. A disabled
 * default button also stops Enter from submitting.
 */
export function SubmitButton({ disabled, ...props }: Omit<ComponentProps<typeof Button>, "type">) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return <Button type="submit" disabled={!hydrated || disabled} {...props} />;
}
