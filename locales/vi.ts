import admin from "./vi/admin.json";
import auth from "./vi/auth.json";
import common from "./vi/common.json";
import feedback from "./vi/feedback.json";
import moderation from "./vi/moderation.json";
import organizations from "./vi/organizations.json";
import summary from "./vi/summary.json";
import reviews from "./vi/reviews.json";
import replies from "./vi/replies.json";

/** Every Vietnamese string, by namespace; the browser loads only the visitor's language. */
export const vi = { common, organizations, feedback, moderation, auth, summary, admin, reviews, replies };
