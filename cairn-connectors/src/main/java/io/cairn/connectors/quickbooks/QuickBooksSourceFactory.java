package io.cairn.connectors.quickbooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cairn.connectors.http.ApiClient;
import io.cairn.connectors.http.ConcurrencyLimit;
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

/** The {@code quickbooks} connector: QuickBooks Online's Accounting API with OAuth2. */
public final class QuickBooksSourceFactory implements SourceFactory {
    public static final String TYPE = "quickbooks";
    /** Tokens kept in the bucket: a burst this size plus the steady rate never exceeds the per-minute limit. */
    private static final int BURST = 5;

    private final Sleeper sleeper;
    private final Clock clock;

    public QuickBooksSourceFactory() {
        this(Sleeper.SYSTEM, Clock.systemUTC());
    }

    public QuickBooksSourceFactory(Sleeper sleeper, Clock clock) {
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigField> configSpec() {
        return QuickBooksConfig.SPEC;
    }

    @Override
    public List<ConfigProblem> check(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = new ArrayList<>(ConfigChecks.check(QuickBooksConfig.SPEC, config));
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            client(QuickBooksConfig.from(config), context).companyInfo();
        }
        catch (SourceException e) {
            problems.add(switch (e.kind()) {
                case NEEDS_REAUTHORISATION -> new ConfigProblem("refresh_token", "was refused (invalid_grant): "
                        + "authorise the connection again");
                case TRANSIENT -> new ConfigProblem("base_url", "cannot be reached: " + e.getMessage());
                case PERMANENT -> e.httpStatus() == 401 || e.httpStatus() == 400
                        ? new ConfigProblem("client_secret", "or client_id was refused: " + e.getMessage())
                        : new ConfigProblem("realm_id", "cannot be read: " + e.getMessage());
            });
        }
        return problems;
    }

    @Override
    public Optional<String> reauthorisationKey() {
        return Optional.of(QuickBooksAuth.REFRESH_TOKEN);
    }

    @Override
    public Source open(SourceConfig config, SourceContext context) {
        List<ConfigProblem> problems = ConfigChecks.check(QuickBooksConfig.SPEC, config);
        if (!problems.isEmpty()) {
            throw SourceException.permanent("Cannot open QuickBooks source %s of tenant %s: %s",
                    config.sourceName(), config.tenant(), problems);
        }
        QuickBooksConfig quickbooks = QuickBooksConfig.from(config);
        return new QuickBooksSource(quickbooks, new QuickBooksReader(client(quickbooks, context), quickbooks, clock));
    }

    private QuickBooksClient client(QuickBooksConfig config, SourceContext context) {
        String realm = "quickbooks/" + config.baseUrl().getAuthority() + "/" + config.realmId();
        double perSecond = Math.max(1, config.requestsPerMinute() - BURST) / 60.0;
        ApiClient api = new ApiClient(config.subject(), config.http(), TokenBucket.shared(realm, perSecond, BURST),
                sleeper, response -> {});
        ApiClient tokenApi = new ApiClient(config.subject() + " oauth", config.http(),
                new TokenBucket(10, 10, sleeper), sleeper, response -> {});
        QuickBooksAuth auth = new QuickBooksAuth(config, context.credentials(), tokenApi, clock);
        return new QuickBooksClient(config, api, auth,
                ConcurrencyLimit.shared(realm, config.maxConcurrent()));
    }
}
