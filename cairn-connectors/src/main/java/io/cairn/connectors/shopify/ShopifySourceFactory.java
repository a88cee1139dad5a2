package io.cairn.connectors.shopify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cairn.connectors.http.ApiClient;
import io.cairn.connectors.http.Sleeper;
import io.cairn.connectors.http.TokenBucket;
import io.cairn.spi.source.ConfigChecks;
import io.cairn.spi.source.ConfigField;
import io.cairn.spi.source.ConfigProblem;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceConfig;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceException;
import io.cairn.spi.source.SourceFactory;

/** The {@code shopify} connector: a shop's Admin REST API. */
public final class ShopifySourceFactory implements SourceFactory {
    public static final String TYPE = "shopify";

    private final Sleeper sleeper;

    public ShopifySourceFactory() {
        this(Sleeper.SYSTEM);
    }

    /** A factory whose clients wait with {@code sleeper}; tests record the waits. */
    public ShopifySourceFactory(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigField> configSpec() {
        return ShopifyConfig.SPEC;
    }

    @Override
    public List<ConfigProblem> check(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = new ArrayList<>(ConfigChecks.check(ShopifyConfig.SPEC, config));
        if (!problems.isEmpty()) {
            return problems;
        }
        ShopifyConfig shopify = ShopifyConfig.from(config);
        ShopifyClient client = client(shopify, ShopifyAuth.forCheck(shopify, context.credentials()));
        try {
            client.getJson(client.url("shop", Map.of()));
        }
        catch (SourceException e) {
            problems.add(problem(e));
        }
        return problems;
    }

    private static ConfigProblem problem(SourceException e) {
        return switch (e.httpStatus()) {
            case 401, 403 -> new ConfigProblem("access_token", "was refused by the shop (HTTP " + e.httpStatus()
                    + "): check the token and its read scopes");
            case 404 -> new ConfigProblem("api_version", "or shop_url is wrong: the shop endpoint answered 404");
            case 0 -> new ConfigProblem("shop_url", "cannot be reached: " + e.getMessage());
            default -> new ConfigProblem(null, e.getMessage());
        };
    }

    @Override
    public Source open(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = ConfigChecks.check(ShopifyConfig.SPEC, config);
        if (!problems.isEmpty()) {
            throw SourceException.permanent("Cannot open Shopify source %s of tenant %s: %s", config.sourceName(),
                    config.tenant(), problems);
        }
        ShopifyConfig shopify = ShopifyConfig.from(config);
        return new ShopifySource(shopify, client(shopify, ShopifyAuth.forSync(shopify, context.credentials(),
                Clock.systemUTC())));
    }

    @Override
    public Optional<String> reauthorisationKey() {
        return Optional.of(ShopifyAuth.ACCESS_TOKEN);
    }

    private ShopifyClient client(ShopifyConfig config, ShopifyAuth auth) {
        String key = "shopify/" + config.tenant() + "/" + config.shopUrl().getAuthority();
        TokenBucket limiter = TokenBucket.shared(key, config.requestsPerSecond(), 40);
        ApiClient api = new ApiClient(config.subject(), config.http(), limiter, sleeper,
                new ShopifyThrottle(config.leakPerSecond(), sleeper));
        return new ShopifyClient(config, api, auth);
    }
}
