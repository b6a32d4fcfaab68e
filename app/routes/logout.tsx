import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/utils/session.server";

/** Logout is a POST (a link could be triggered by another site); GET just goes home. */
export async function action({ request }: ActionFunctionArgs) {
  return logout(request);
}

export function loader() {
  return redirect("/");
}
