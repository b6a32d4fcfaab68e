import { en } from "./en";
import { vi } from "./vi";

export { NAMESPACES } from "./languages";

/** Both languages, for the server; Vietnamese first. */
export const resources = { vi, en } as const;
