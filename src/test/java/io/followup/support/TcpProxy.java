package io.followup.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the service's pool and PostgreSQL that a test can cut and restore: {@link #cut()}
 * resets every open connection and stops listening (new connections are refused), as when the database
 * host goes away; {@link #restore()} listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    public int port() {
        return port;
    }

    /** Resets every proxied connection and refuses new ones. */
    public synchronized void cut() {
        closeQuietly(server);
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0); // RST rather than FIN: the peer sees "connection reset"
            }
            catch (SocketException ignored) {
                // already closed
            }
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (server.isClosed()) {
            server = listen(port);
            acceptLoop(server);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not listen on port " + port, ex);
        }
    }

    private void acceptLoop(ServerSocket listening) {
        Thread thread = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    try {
                        Socket upstream = new Socket(targetHost, targetPort);
                        sockets.add(client);
                        sockets.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    }
                    catch (IOException databaseRefused) {
                        closeQuietly(client);
                    }
                }
                catch (IOException ex) {
                    // closed by cut()
                }
            }
        }, "tcp-proxy-accept-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // one side went away; the other is closed below
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ignored) {
            // closing is best effort
        }
    }
}
