import type { ComponentProps } from "react";

/**
 * A box that scrolls a wide table sideways inside itself, so a phone scrolls the table and not the
 * page. `relative` is the part that is easy to lose: screen-reader-only text in a cell (the sort
 * headers' "sorted ascending") is absolutely placed, and without a positioned box around it the
 * page places it, past the clipped columns, where it widens the whole document.
 */
export function TableScroll({ className = "", ...props }: ComponentProps<"div">) {
  return <div {...props} className={`relative overflow-x-auto ${className}`.trim()} />;
}
