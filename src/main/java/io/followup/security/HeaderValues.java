package io.followup.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The header values Spring Security's firewall lets through, decided by a loop instead of its regular expression.
 * The rule is the same as {@link StrictHttpFirewall}'s default ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}:
 * assigned code points, no control character but tab); the firewall checks it on every header read, and a request
 * reads its bearer token, about a kilobyte, several times, where the expression cost more than the rest of the
 * token's handling once it was verified.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean allowed(String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, nearly every header value: always allowed
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint) && codePoint != '\t') {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Spring Security's firewall as it comes, with the same header value rule decided by {@link #allowed}. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return firewall;
    }
}
