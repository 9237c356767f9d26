/**
 * The JVM reference server: a dependency-free HTTP/1.1 server that implements the uconform
 * conformance contract (groups PROTO, CORE, METH, ERR, KA, LIM, ROB, NOWAIT, CHUNK) and serves
 * an {@link io.uconform.server.App}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * App app = new App("board")
 *         .route("/led", Set.of("GET"), request -> Map.of("pin", 2, "value", 1))
 *         .route("/gpio/{n}", Set.of("GET", "PUT"), request -> ... request.param("n") ...)
 *         .nowait("/blink", Set.of("POST"), request -> blink(request.json()));
 * try (ReferenceServer server = ReferenceServer.start(app, ServerOptions.defaults())) {
 *     URI base = server.uri();
 * }
 * }</pre>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 *   <li>One thread per connection, at most {@code maxClients}. When all slots are taken, a
 *       connection idle between keep-alive requests is closed to make room (what a device with a
 *       socket pool does); only when none is idle does the newcomer get 503 (LIM-05).</li>
 *   <li>The first request's head must arrive within {@code headerTimeout} of connecting, later
 *       ones within {@code headerTimeout} of their first byte; between requests a connection may
 *       idle for {@code keepAliveIdle}. Bodies: each read is bounded by {@code headerTimeout}.
 *       Every write is bounded by {@code writeTimeout}.</li>
 *   <li>METH-03 (411): a POST/PUT without Content-Length or Transfer-Encoding is taken to carry a
 *       body when bytes arrive within 100 ms after its head that do not look like the start of a
 *       pipelined request line (an upper-case token and a space). Otherwise its body is empty.</li>
 *   <li>Requests the engine cannot continue after (malformed, over a limit, unread body) are
 *       answered with {@code Connection: close}; the server then half-closes and drains briefly so
 *       the answer is not lost to a TCP reset.</li>
 *   <li>Streaming: {@link io.uconform.server.Response#chunked} (SSE, multipart streams) and
 *       {@link io.uconform.server.Response#upgrade} (WebSocket) hand the connection to application
 *       code; {@link io.uconform.server.RequestGuard} and {@link io.uconform.server.ResponseFilter}
 *       carry access control and CORS.</li>
 *   <li>{@link io.uconform.server.ServerFault} injects faults for the suite's self-tests; each
 *       breaks exactly the requirement it names.</li>
 *   <li>Logging goes through {@link java.lang.System.Logger} ("io.uconform.server"); request
 *       bodies, queries and header values are never logged.</li>
 * </ul>
 */
package io.uconform.server;
