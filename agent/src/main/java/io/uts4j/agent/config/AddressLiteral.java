package io.uts4j.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses an IP literal strictly, with no name service involved. */
final class AddressLiteral {
    static final String VALID = "valid: an IPv4 literal such as 10.0.0.5, or an IPv6 literal such as fd00::5";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private AddressLiteral() {}

    /** The address bytes, or null when the text is not an IP literal. */
    static byte[] parse(String text) {
        boolean v6 = text.indexOf(':') >= 0;
        if (!(v6 ? IPV6 : IPV4).matcher(text).matches()) return null;
        try {
            // A literal of either family is parsed without any lookup; anything else was refused above.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
