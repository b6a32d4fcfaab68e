/**
 * The bench's reference app: the project's own module format and future flags, none of its app's settings.
 * Built in .cache/bench-minimal/<hash>/, three folders below the project as here, so the path holds in both.
 */
import project from "../../../remix.config.js";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: project.serverModuleFormat,
  future: project.future,
};
