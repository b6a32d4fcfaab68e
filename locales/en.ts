import admin from "./en/admin.json";
import auth from "./en/auth.json";
import common from "./en/common.json";
import feedback from "./en/feedback.json";
import moderation from "./en/moderation.json";
import organizations from "./en/organizations.json";
import summary from "./en/summary.json";
import reviews from "./en/reviews.json";
import replies from "./en/replies.json";

/** Every English string, by namespace; the browser loads only the visitor's language. */
export const en = { common, organizations, feedback, moderation, auth, summary, admin, reviews, replies };
