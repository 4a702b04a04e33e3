package ai.clavata.sdk;

import ai.clavata.sdk.batch.BatchClient;
import ai.clavata.sdk.batch.internal.RealBatchClient;
import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.http.AuthInterceptor;
import ai.clavata.sdk.internal.http.BaseUrls;
import ai.clavata.sdk.internal.http.Redactor;
import ai.clavata.sdk.internal.http.RetryInterceptor;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.jobs.JobsClient;
import ai.clavata.sdk.jobs.internal.AsyncJobs;
import ai.clavata.sdk.jobs.internal.RealJobsClient;
import ai.clavata.sdk.stream.StreamClient;
import ai.clavata.sdk.stream.internal.AsyncStream;
import ai.clavata.sdk.stream.internal.RealStreamClient;
import ai.clavata.sdk.internal.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The entry point of the SDK: a thread-safe client for the Clavata API, meant to be created once
 * and shared.
 *
 * <pre>{@code
 * try (ClavataClient client = ClavataClient.fromEnv()) {      // reads CLAVATA_API_KEY
 *   Job job = client.jobs().create(CreateJobRequest.builder()
 *       .policyId(policyId)
 *       .addContent(ContentData.text("hello"))
 *       .waitForCompletion(true)
 *       .build());
 *   System.out.println(job.reports().get(0).outcome());
 * }
 * }</pre>
 *
 * <p>Requests go through an OkHttp interceptor chain: authentication, then retries, then any
 * interceptors you added. See {@link Builder} for every setting.
 */
public final class ClavataClient implements AutoCloseable {
  /** The API's address: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://gateway.app.clavata.ai:8443";

  private final ClientConfig config;
  private final SharedHttp shared;
  /** Whether this client came from {@link #withOptions}: closing it then does nothing. */
  private final boolean copy;
  private final JobsClient jobs;
  private final StreamClient stream;
  private final BatchClient batch;
  private final AsyncClavataClient async;

  private ClavataClient(ClientConfig config, SharedHttp shared, boolean copy) {
    this.config = config;
    this.shared = shared;
    this.copy = copy;
    HttpUrl baseUrl = BaseUrls.parse(config.baseUrl());
    Supplier<String> credentials = config.requireCredentials();
    OkHttpClient.Builder http =
        shared
            .newBuilder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            .callTimeout(config.timeout())
            .addInterceptor(new AuthInterceptor(credentials, baseUrl))
            .addInterceptor(new RetryInterceptor(config.retryPolicy(), config.timing()));
    config.interceptors().forEach(http::addInterceptor);
    Transport transport =
        new Transport(
            http.build(), baseUrl, new Redactor(credentials), config.timing(), shared.closed());
    this.jobs = new RealJobsClient(transport);
    this.stream = new RealStreamClient(transport, config.retryPolicy());
    this.batch = new RealBatchClient(transport, config.retryPolicy());
    Executor executor = shared.executor();
    this.async =
        new AsyncClavataClient(new AsyncJobs(jobs, executor), new AsyncStream(stream, executor));
  }

  /**
   * A builder with the defaults; set at least the API key.
   *
   * <pre>{@code
   * ClavataClient client = ClavataClient.builder()
   *     .apiKey(key)
   *     .maxRetries(3)
   *     .timeout(Duration.ofSeconds(60))
   *     .build();
   * }</pre>
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(ClientConfig.defaults());
  }

  /**
   * A client configured from the environment: the API key from the {@code clavata.apiKey} system
   * property or the {@code CLAVATA_API_KEY} environment variable, and the base URL from
   * {@code clavata.baseUrl} or {@code CLAVATA_BASE_URL} when set.
   *
   * @return a new client
   * @throws IllegalArgumentException if no API key is set, or the base URL is invalid
   */
  public static ClavataClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Creates, reads and lists evaluation jobs.
   *
   * @return the jobs sub-client
   */
  public JobsClient jobs() {
    return jobs;
  }

  /**
   * Evaluates content in real time, each result handed over as soon as it is ready.
   *
   * @return the streaming sub-client
   */
  public StreamClient stream() {
    return stream;
  }

  /**
   * Bulk evaluation of large backlogs through CSV files.
   *
   * @return the batch sub-client
   */
  public BatchClient batch() {
    return batch;
  }

  /**
   * The same sub-clients, returning {@link java.util.concurrent.CompletableFuture} instead of
   * blocking.
   *
   * @return the asynchronous view of this client
   */
  public AsyncClavataClient async() {
    return async;
  }

  /**
   * A copy of this client with some settings changed. It shares this client's connection pool
   * and threads, so it is cheap; it does not own them, so closing the copy does nothing and the
   * copy stops working when this client is closed.
   *
   * <pre>{@code
   * ClavataClient patient = client.withOptions(o -> o.timeout(Duration.ofMinutes(5)).maxRetries(5));
   * }</pre>
   *
   * @param changes applied to a builder that starts with this client's settings
   * @return the new client
   */
  public ClavataClient withOptions(Consumer<Builder> changes) {
    Builder builder = new Builder(config);
    changes.accept(builder);
    if (builder.okHttpClient != config.okHttpClient()) {
      throw new IllegalArgumentException(
          "withOptions cannot swap the OkHttpClient; build a new client with builder() instead");
    }
    return new ClavataClient(builder.snapshot(), shared, true);
  }

  /**
   * Releases the connection pool and threads, unless they belong to an {@code OkHttpClient} you
   * passed in. Calls made afterwards fail with {@link IllegalStateException}. Idempotent; a copy
   * from {@link #withOptions} leaves the shared resources alone.
   */
  @Override
  public void close() {
    if (!copy) {
      shared.close();
    }
  }

  /** Shows the settings but never the API key. */
  @Override
  public String toString() {
    return "ClavataClient{" + config + "}";
  }

  /**
   * Settings for a {@link ClavataClient}.
   *
   * <table>
   *   <caption>Settings and defaults</caption>
   *   <tr><th>Setting</th><th>Default</th></tr>
   *   <tr><td>{@link #apiKey} / {@link #credentials}</td><td>required
   *       ({@code CLAVATA_API_KEY} with {@link #fromEnv()})</td></tr>
   *   <tr><td>{@link #baseUrl}</td><td>{@value ClavataClient#DEFAULT_BASE_URL}</td></tr>
   *   <tr><td>{@link #maxRetries}</td><td>2</td></tr>
   *   <tr><td>{@link #timeout}</td><td>60 s per call, retries included</td></tr>
   *   <tr><td>{@link #connectTimeout}</td><td>10 s</td></tr>
   *   <tr><td>{@link #readTimeout}</td><td>30 s between bytes</td></tr>
   *   <tr><td>{@link #writeTimeout}</td><td>30 s between bytes</td></tr>
   *   <tr><td>{@link #retryNonIdempotent}</td><td>false</td></tr>
   * </table>
   */
  public static final class Builder {
    private Supplier<String> credentials;
    private String baseUrl;
    private RetryPolicy retryPolicy;
    private Duration timeout;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private OkHttpClient okHttpClient;
    private final List<Interceptor> interceptors;
    private Timing timing;

    private Builder(ClientConfig config) {
      this.credentials = config.credentials();
      this.baseUrl = config.baseUrl();
      this.retryPolicy = config.retryPolicy();
      this.timeout = config.timeout();
      this.connectTimeout = config.connectTimeout();
      this.readTimeout = config.readTimeout();
      this.writeTimeout = config.writeTimeout();
      this.okHttpClient = config.okHttpClient();
      this.interceptors = new ArrayList<>(config.interceptors());
      this.timing = config.timing();
    }

    private ClientConfig snapshot() {
      return new ClientConfig(
          credentials,
          baseUrl,
          retryPolicy,
          timeout,
          connectTimeout,
          readTimeout,
          writeTimeout,
          okHttpClient,
          List.copyOf(interceptors),
          timing);
    }

    /**
     * Sets a fixed API key.
     *
     * @param apiKey the key from the Clavata console
     * @return this builder
     * @throws IllegalArgumentException if the key is blank
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException(
            "apiKey must not be blank; pass the key from the Clavata console or set CLAVATA_API_KEY");
      }
      String key = apiKey.strip();
      credentials = () -> key;
      return this;
    }

    /**
     * Sets a supplier asked for the API key on every request, for keys that rotate.
     *
     * @param credentials returns the current key; must be fast and thread-safe
     * @return this builder
     */
    public Builder credentials(Supplier<String> credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Reads the API key and base URL from system properties ({@code clavata.apiKey},
     * {@code clavata.baseUrl}) or else environment variables ({@code CLAVATA_API_KEY},
     * {@code CLAVATA_BASE_URL}); unset ones leave the builder as it is.
     *
     * @return this builder
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv, System::getProperty);
    }

    Builder fromEnv(
        Function<String, String> env, Function<String, String> properties) {
      String key = firstSet(properties.apply("clavata.apiKey"), env.apply("CLAVATA_API_KEY"));
      if (key != null) {
        apiKey(key);
      }
      String url = firstSet(properties.apply("clavata.baseUrl"), env.apply("CLAVATA_BASE_URL"));
      if (url != null) {
        baseUrl(url);
      }
      return this;
    }

    /**
     * Sets the API's base URL. Plain {@code http://} is accepted only for loopback hosts.
     *
     * @param baseUrl such as {@code https://gateway.app.clavata.ai:8443}; a path prefix is kept
     * @return this builder
     * @throws IllegalArgumentException if the URL is invalid or plain http to another host
     */
    public Builder baseUrl(String baseUrl) {
      BaseUrls.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      this.baseUrl = baseUrl.strip();
      return this;
    }

    /**
     * Sets how many times a failed call is retried; 0 disables retries.
     *
     * @param maxRetries retries after the first attempt
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      retryPolicy = retryPolicy.withMaxRetries(maxRetries);
      return this;
    }

    /**
     * Also retries job-creating POSTs after a 500, 502, 504 or read timeout. Off by default
     * because the job may have been created and billed before the failure.
     *
     * @param retry whether to retry them
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retry) {
      retryPolicy = retryPolicy.withRetryNonIdempotent(retry);
      return this;
    }

    /**
     * Sets the total time for one unary call, retries and waits included; zero means none.
     * Streams are not bound by it: they use {@link #readTimeout} between lines.
     *
     * @param timeout the per-call timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = ClientConfig.requireTimeout("timeout", timeout);
      return this;
    }

    /**
     * Sets the time allowed to open a connection.
     *
     * @param timeout the connect timeout; zero means none
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = ClientConfig.requireTimeout("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the longest silence while reading a response (the idle timeout of a stream).
     *
     * @param timeout the read timeout; zero means none
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      readTimeout = ClientConfig.requireTimeout("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the longest stall while sending a request.
     *
     * @param timeout the write timeout; zero means none
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      writeTimeout = ClientConfig.requireTimeout("writeTimeout", timeout);
      return this;
    }

    /**
     * Builds on your application's {@code OkHttpClient}: the SDK derives its client with
     * {@link OkHttpClient#newBuilder()}, so it shares the connection pool and dispatcher, and
     * {@link ClavataClient#close()} leaves them to you.
     *
     * @param okHttpClient the client to share
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * Adds an OkHttp interceptor that sees every attempt, after authentication and retries, for
     * logging or metrics. The {@code Authorization} header it sees holds the key: do not log it.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** For tests: the clock and sleeper behind retries and polls. */
    Builder timing(Timing timing) {
      this.timing = timing;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client
     * @throws IllegalArgumentException if no API key is set; the message says how to set one
     */
    public ClavataClient build() {
      ClientConfig config = snapshot();
      config.requireCredentials();
      return new ClavataClient(config, SharedHttp.of(okHttpClient), false);
    }

    private static String firstSet(String first, String second) {
      if (first != null && !first.isBlank()) {
        return first;
      }
      return second != null && !second.isBlank() ? second : null;
    }
  }
}
