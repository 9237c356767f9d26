package io.uconform.server.internal;

import io.uconform.server.App;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import io.uconform.server.ServerStartException;
import io.uconform.server.ServerStats;
import io.uconform.server.cors.CorsPolicy;
import io.uconform.server.tls.TlsContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running server: the listening socket, the acceptor thread, client slots, connection
 * workers, the write watchdog and the background runner. Thread-safe.
 */
public final class Engine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    private static final long JOIN_MILLIS = 2000;

    final App app;
    final ServerOptions options;
    final ServerLimits limits;
    final Router router;
    final StatsCounters stats = new StatsCounters();
    final ScheduledExecutorService watchdog;
    final BackgroundRunner background;
    /** The CORS policy in effect (fault CORS_HEADER_WHEN_OFF turns an off policy on). */
    final CorsPolicy cors;
    private final ServerSocket serverSocket;
    private static final long RELEASE_WAIT_MS = 20;
    private final Set<ConnectionWorker> workers = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final BusyResponder busy;
    private final SlotReclaimer reclaimer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread acceptor;

    private Engine(App app, ServerOptions options, ServerSocket serverSocket) {
        this.app = app;
        this.options = options;
        this.limits = options.limits();
        this.router = new Router(app, options.has(ServerFault.TRAILING_SLASH_IGNORED),
                options.has(ServerFault.OPTIONS_ROUTED_TO_HANDLER));
        this.serverSocket = serverSocket;
        this.cors = !options.cors().enabled() && options.has(ServerFault.CORS_HEADER_WHEN_OFF)
                ? CorsPolicy.anyOrigin() : options.cors();
        this.slots = new Semaphore(limits.maxClients());
        this.busy = new BusyResponder(this);
        this.reclaimer = new SlotReclaimer(stats, !options.has(ServerFault.NO_UNFINISHED_EVICTION),
                limits.headerTimeout());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                daemonThreads("uconform-write-watchdog-" + serverSocket.getLocalPort()));
        scheduler.setRemoveOnCancelPolicy(true);
        this.watchdog = scheduler;
        this.background = new BackgroundRunner("uconform-background-" + serverSocket.getLocalPort());
        this.acceptor = new Thread(this::acceptLoop, "uconform-acceptor-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds and starts accepting. @throws ServerStartException with one line for the user */
    public static Engine start(App app, ServerOptions options) {
        ServerSocket socket = bind(options);
        Engine engine = new Engine(app, options, socket);
        engine.acceptor.start();
        LOG.log(System.Logger.Level.INFO, "{0} listening on {1}:{2,number,#}", app.name(),
                options.bindAddress(), socket.getLocalPort());
        return engine;
    }

    private static ServerSocket bind(ServerOptions options) {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.bindAddress());
        } catch (UnknownHostException e) {
            throw new ServerStartException("unknown bind address " + options.bindAddress(), e);
        }
        if (options.has(ServerFault.NET6_V6_ONLY) && address.isAnyLocalAddress()
                && address instanceof java.net.Inet6Address) {
            address = ipv6Loopback();
        }
        ServerSocket socket = null;
        try {
            socket = options.tls().enabled()
                    ? TlsContexts.serverContext(options.tls()).getServerSocketFactory().createServerSocket()
                    : new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, options.port()), 64);
            return socket;
        } catch (BindException e) {
            Sockets.closeQuietly(socket);
            throw new ServerStartException("port " + options.port() + " on " + options.bindAddress()
                    + " is already in use (or not permitted): " + e.getMessage(), e);
        } catch (IOException e) {
            Sockets.closeQuietly(socket);
            throw new ServerStartException("cannot listen on " + options.bindAddress() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (UnknownHostException e) {
            throw new ServerStartException("no IPv6 loopback address", e);
        }
    }

    /** A response writer that adds the CORS headers every response carries (CORS-01). */
    ResponseWriter newWriter(OutputStream out) {
        boolean errorsToo = !options.has(ServerFault.CORS_MISSING_ON_ERRORS);
        return new ResponseWriter(out, cors.responseHeaders(), errorsToo);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ServerStats stats() {
        return stats.snapshot(workers.stream().filter(w -> w.phase() == ConnectionWorker.Phase.IDLE).count());
    }

    private void acceptLoop() {
        while (running.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (running.get()) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.getMessage());
                    pauseAfterAcceptFailure();
                }
                continue;
            }
            try {
                dispatch(socket);
            } catch (RuntimeException | Error e) {
                stats.internalErrors.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "connection dispatch failed", e);
                Sockets.closeQuietly(socket);
            }
        }
    }

    private void dispatch(Socket socket) {
        if (options.has(ServerFault.CRASH_ON_HEAD) && !running.get()) {
            Sockets.closeQuietly(socket);
            return;
        }
        if (!acquireSlot()) {
            busy.reject(socket); // off this thread: a short wait for a slot that is about to free, else 503
            return;
        }
        startWorker(socket);
    }

    /** Serves {@code socket} on its own thread; the caller holds a client slot for it. */
    void startWorker(Socket socket) {
        stats.connectionsAccepted.incrementAndGet();
        ConnectionWorker worker = new ConnectionWorker(this, socket);
        workers.add(worker);
        try {
            worker.start();
        } catch (RuntimeException | Error e) {
            connectionEnded(worker); // e.g. no native thread left: give the slot back
            throw e;
        }
    }

    /**
     * For a newcomer that found no slot, on the busy responder's thread: waits up to {@code wait} for
     * a slot to free by itself (a connection that just ended), then tries once more to free one.
     */
    boolean awaitSlot(java.time.Duration wait) {
        try {
            if (slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return reclaimedSlot();
    }

    /** How long a newcomer may wait off the acceptor thread for a slot before its 503. */
    java.time.Duration slotGrace() {
        return reclaimer.grace();
    }

    /**
     * A client slot for a new connection, never waited for: a free one, else the slot of a
     * connection dropped for it (see {@link SlotReclaimer}). False means 503 at once.
     */
    private boolean acquireSlot() {
        if (slots.tryAcquire()) {
            return true;
        }
        if (reclaimedSlot()) {
            return true;
        }
        return options.has(ServerFault.ACCEPTOR_WAITS) && waitForSlot();
    }

    /** A slot freed by dropping one connection (see {@link SlotReclaimer}), or one that came free meanwhile. */
    private boolean reclaimedSlot() {
        SlotReclaimer.Reclaimed reclaimed = reclaimer.reclaim(workers, this::takeOverSlot);
        if (reclaimed == SlotReclaimer.Reclaimed.TAKEN_OVER) {
            return true;
        }
        if (reclaimed == SlotReclaimer.Reclaimed.RELEASED) {
            // the dropped connection's own thread is between leaving the set and releasing its slot
            try {
                return slots.tryAcquire(RELEASE_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return slots.tryAcquire();
    }

    /** The evicted connection's slot passes to the newcomer; false when it ended (and freed it) first. */
    private boolean takeOverSlot(ConnectionWorker evicted) {
        return workers.remove(evicted);
    }

    /** Fault ACCEPTOR_WAITS: the old acceptor, which waited up to 250 ms for a slot before its 503. */
    private boolean waitForSlot() {
        try {
            return slots.tryAcquire(250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void connectionEnded(ConnectionWorker worker) {
        if (workers.remove(worker)) {
            slots.release();
        }
    }

    /** Fault CRASH_ON_HEAD: stop listening and drop every connection, as a dying device would. */
    void crash() {
        if (running.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.WARNING, "injected crash: server stops serving");
            Sockets.closeQuietly(serverSocket);
            workers.forEach(ConnectionWorker::abort);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Sockets.closeQuietly(serverSocket);
        workers.forEach(ConnectionWorker::abort);
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        join(acceptor, deadline);
        for (ConnectionWorker worker : workers) {
            join(worker.thread(), deadline);
        }
        background.close();
        watchdog.shutdownNow();
    }

    private static void join(Thread thread, long deadline) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pauseAfterAcceptFailure() {
        // e.g. out of file descriptors: do not spin; the acceptor itself must never die
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        java.util.concurrent.ThreadFactory base = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = base.newThread(runnable);
            thread.setName(name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
