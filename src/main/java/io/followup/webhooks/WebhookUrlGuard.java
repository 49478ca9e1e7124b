package io.followup.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs a subscription may post to. A webhook URL is chosen by an outside caller and fetched by the service from
 * inside its network, so without this it would reach the service's neighbours (databases, admin ports, the cloud
 * metadata endpoint at 169.254.169.254). Checked at create and update, and again before each delivery, since a name
 * that resolved to a public address may resolve to a private one later (DNS rebinding). Every address a name resolves
 * to must be public. With {@code followup.webhooks.allow-private-networks} (a local run, tests) plain http and private
 * targets are allowed.
 */
@Component
final class WebhookUrlGuard {

    static final int MAX_URL_LENGTH = 2048;
    /** A host of numbers only (decimal, octal, hex; one to four parts), which resolvers read differently. */
    private static final Pattern NUMERIC_HOST = Pattern.compile(
            "(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    private final boolean allowPrivateNetworks;

    @Autowired
    WebhookUrlGuard(WebhookSettings settings) {
        this(settings.allowPrivateNetworks());
    }

    WebhookUrlGuard(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** The URL, or a 400 naming url: at create and update. */
    URI check(String url) {
        Checked checked = inspect(url);
        if (checked.problem() != null) {
            throw new InvalidWebhookException(Map.of("url", checked.problem()));
        }
        return checked.uri();
    }

    /** Why a stored URL may not be posted to now, if it may not: before each delivery. */
    Optional<String> refusal(String url) {
        return Optional.ofNullable(inspect(url).problem());
    }

    private record Checked(URI uri, String problem) {
    }

    private Checked inspect(String url) {
        if (url == null || url.isBlank()) {
            return refused("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return refused("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            return refused("url must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            return refused("url must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("url must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return refused("url must name a host");
        }
        if (uri.getRawFragment() != null) {
            return refused("url must not have a fragment");
        }
        if (NUMERIC_HOST.matcher(uri.getHost()).matches() && !DOTTED_QUAD.matcher(uri.getHost()).matches()) {
            // 0177.0.0.1 is 127.0.0.1 to some resolvers and 177.0.0.1 to Java's: no reading of such a host is trusted.
            return refused("url must write an IPv4 address as four decimal numbers without leading zeros");
        }
        if (allowPrivateNetworks) {
            return new Checked(uri, null);
        }
        if (!scheme.equals("https")) {
            return refused("url must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        }
        catch (UnknownHostException | SecurityException ex) {
            return refused("url's host does not resolve");
        }
        if (addresses.length == 0 || Arrays.stream(addresses).anyMatch(WebhookUrlGuard::isNonPublic)) {
            return refused("url must not point at a loopback, private, link-local or otherwise non-public address");
        }
        return new Checked(uri, null);
    }

    private static Checked refused(String problem) {
        return new Checked(null, problem);
    }

    /** Loopback, any-local, link-local, private, unique-local, CGNAT, multicast or reserved; IPv4 inside IPv6 too. */
    static boolean isNonPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isNonPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true; // fc00::/7, unique local
            }
            if (allZero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
                return isNonPublicV4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d and ::ffff:a.b.c.d
            }
            if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B && allZero(b, 4, 12)) {
                return isNonPublicV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96, NAT64
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isNonPublicV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16, 6to4
            }
            return false;
        }
        return true;
    }

    private static boolean isNonPublicV4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0                                   // 0.0.0.0/8, "this network"
                || first == 10                              // 10/8
                || first == 127                             // loopback
                || (first == 100 && (second & 0xC0) == 64)  // 100.64/10, CGNAT
                || (first == 169 && second == 254)          // link-local, incl. the metadata endpoint
                || (first == 172 && (second & 0xF0) == 16)  // 172.16/12
                || (first == 192 && second == 168)          // 192.168/16
                || first >= 224;                            // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
