/**
 * A simulated HubSpot (OAuth server and CRM API) that follows HubSpot's wire formats.
 *
 * <p>Where HubSpot's behaviour is not pinned down by its specs or recorded traffic, the simulator
 * chooses as follows, so adapters can rely on it:
 * <ul>
 *   <li>GET of a missing object: 404 with an empty body. PATCH of a missing object: 404 with
 *       {@code {"status":"error","message":"resource not found","category":"OBJECT_NOT_FOUND",...}}.
 *       DELETE of a missing object: 204, like any archive.</li>
 *   <li>Token endpoint errors use the v1 shape {@code {"status","message","correlationId"}} with HTTP 400:
 *       BAD_GRANT_TYPE, BAD_CLIENT_ID, BAD_CLIENT_SECRET, BAD_REDIRECT_URI, BAD_AUTH_CODE (unknown or reused
 *       code, and a code_verifier that does not match the PKCE challenge), EXPIRED_AUTH_CODE,
 *       MISMATCH_REDIRECT_URI_AUTH_CODE and BAD_REFRESH_TOKEN ("missing or invalid refresh token").</li>
 *   <li>The consent page at {@code /oauth/authorize} posts {@code request_id}, {@code hub_id} (a portal's hub id
 *       or "new") and {@code decision} (allow|deny, the buttons {@code #allow} and {@code #deny}) back to
 *       {@code POST /oauth/authorize}, which redirects to the app.</li>
 *   <li>The expired-token message grows its unit with the age, as HubSpot's does: "expired 7 second(s) ago.",
 *       "expired 5 minute(s) ago.", "expired 2 hour(s) ago.".</li>
 *   <li>List cursors ({@code after}) are the id of the next page's first record; search cursors are offsets.
 *       Search sees writes immediately (HubSpot's index lags by seconds).</li>
 *   <li>The natural 429 carries no Retry-After (HubSpot sends none); the injected one from
 *       {@code faults().rateLimitNext} does. Search answers carry no rate-limit headers and have their own
 *       per-second limit (policy SECONDLY).</li>
 *   <li>Lead ↔ contact association type ids: 578 (lead→contact, Primary) / 579 and 608 / 607 (unlabelled);
 *       lead ↔ company 610 / 611. Other ids follow HubSpot's association table.</li>
 * </ul>
 */
package io.routemcp.simulators.hubspot;
