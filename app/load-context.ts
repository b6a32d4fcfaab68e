/** What server.ts hands every loader and action. */
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** Short random id, logged with errors and shown on the 500 page. */
    requestId: string;
    /** Keyed hash of the client address (app/utils/client-address.server.ts: TRUST_PROXY, IPv6 by /64), for rate limits and one-per-address rules; the address itself is never kept. */
    clientKey: string;
  }
}

export {};

declare module "@remix-run/node" {
  // Single fetch: loaders return plain data, typed as such by useLoaderData.
  interface Future {
    v3_singleFetch: true;
  }
}
