package io.cairn.connectors.shopify;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} URL of a {@code Link} header, e.g. {@code <https://...page_info=abc>; rel="next"}. */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?([a-z]+)\"?");

    private LinkHeader() {}

    static Optional<URI> next(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = LINK.matcher(header);
        while (matcher.find()) {
            if (matcher.group(2).equals("next")) {
                return Optional.of(URI.create(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
