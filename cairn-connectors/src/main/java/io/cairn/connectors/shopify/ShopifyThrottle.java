package io.cairn.connectors.shopify;

import java.time.Duration;
import java.util.function.Consumer;

import io.cairn.connectors.http.ApiResponse;
import io.cairn.connectors.http.Sleeper;

/**
 * Reads {@code X-Shopify-Shop-Api-Call-Limit: used/size} from every response and, once the bucket is 80% full,
 * waits for it to drain below that mark before the next request, so that 429s are the exception.
 */
final class ShopifyThrottle implements Consumer<ApiResponse> {
    static final String HEADER = "X-Shopify-Shop-Api-Call-Limit";
    private static final double HIGH_WATER = 0.8;

    private final double leakPerSecond;
    private final Sleeper sleeper;

    ShopifyThrottle(double leakPerSecond, Sleeper sleeper) {
        this.leakPerSecond = leakPerSecond;
        this.sleeper = sleeper;
    }

    @Override
    public void accept(ApiResponse response) {
        response.header(HEADER).map(this::pause).filter(pause -> !pause.isZero()).ifPresent(sleeper::sleep);
    }

    /** How long to wait after a response that reports {@code header}; zero below the high-water mark. */
    Duration pause(String header) {
        String[] parts = header.trim().split("/");
        if (parts.length != 2) {
            return Duration.ZERO;
        }
        try {
            double used = Double.parseDouble(parts[0]);
            double size = Double.parseDouble(parts[1]);
            double mark = size * HIGH_WATER;
            if (used < mark) {
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((used - mark + 1) / leakPerSecond * 1e9));
        }
        catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
