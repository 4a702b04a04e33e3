package ai.clavata.sdk;

import ai.clavata.sdk.batch.BatchClient;
import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.internal.batch.AsyncBatch;
import ai.clavata.sdk.internal.batch.RealBatchClient;
import ai.clavata.sdk.internal.http.AuthInterceptor;
import ai.clavata.sdk.internal.http.CallEvents;
import ai.clavata.sdk.internal.http.HttpClients;
import ai.clavata.sdk.internal.http.Redactor;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.internal.http.Urls;
import ai.clavata.sdk.internal.jobs.AsyncJobs;
import ai.clavata.sdk.internal.jobs.RealJobsClient;
import ai.clavata.sdk.internal.labels.AsyncLabels;
import ai.clavata.sdk.internal.labels.RealLabelsClient;
import ai.clavata.sdk.internal.logging.ClavataLog;
import ai.clavata.sdk.internal.logging.GuardedListener;
import ai.clavata.sdk.internal.stream.AsyncStream;
import ai.clavata.sdk.internal.stream.RealStreamClient;
import ai.clavata.sdk.jobs.JobsClient;
import ai.clavata.sdk.labels.LabelsClient;
import ai.clavata.sdk.stream.StreamClient;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
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
 * <p>Requests go through an OkHttp interceptor chain: retries, then any interceptors you added
 * (they see every attempt, never the API key), then redirects, then authentication. See {@link
 * ClavataClientBuilder} for every setting.
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
  private final RealLabelsClient labels;
  private final AsyncClavataClient async;

  ClavataClient(ClientConfig config, SharedHttp shared, boolean copy) {
    this.config = config;
    this.shared = shared;
    this.copy = copy;
    HttpUrl baseUrl = Urls.parse(config.baseUrl());
    Supplier<String> credentials = config.requireCredentials();
    OkHttpClient.Builder base =
        shared
            .newBuilder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            .callTimeout(config.timeout());
    Redactor redactor = new Redactor(credentials);
    ClavataLog log = ClavataLog.of(config.resolvedLogLevel());
    CallEvents events =
        new CallEvents(GuardedListener.of(log, config.eventListener()), redactor, config.timing());
    OkHttpClient http =
        HttpClients.api(
            base,
            config.retryPolicy(),
            config.timing(),
            config.interceptors(),
            new AuthInterceptor(credentials, baseUrl),
            events,
            log);
    Transport transport =
        new Transport(
            http,
            baseUrl,
            redactor,
            config.timing(),
            shared.closed(),
            config.maxResponseSize(),
            events,
            log);
    RealJobsClient jobs = new RealJobsClient(transport);
    RealBatchClient batch = new RealBatchClient(transport, config.retryPolicy());
    this.jobs = jobs;
    this.stream = new RealStreamClient(transport, config.retryPolicy(), config.maxStreamLineSize());
    this.batch = batch;
    this.labels = new RealLabelsClient(transport);
    Executor executor =
        config.asyncExecutor() != null ? config.asyncExecutor() : shared.dispatcherThreads();
    Async runner = new Async(executor, shared.timer());
    this.async =
        new AsyncClavataClient(
            new AsyncJobs(jobs, runner),
            new AsyncStream(stream, runner),
            new AsyncBatch(batch, runner),
            new AsyncLabels(labels, runner));
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
  public static ClavataClientBuilder builder() {
    return new ClavataClientBuilder(ClientConfig.defaults());
  }

  /**
   * A client configured from the environment: the API key from the {@code clavata.apiKey} system
   * property or the {@code CLAVATA_API_KEY} environment variable, and the base URL from {@code
   * clavata.baseUrl} or {@code CLAVATA_BASE_URL} when set.
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
   * Evaluates one item against published label versions (a label-first account is needed).
   *
   * @return the labels sub-client
   */
  public LabelsClient labels() {
    return labels;
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
   * A copy of this client with some settings changed. It shares this client's connection pool and
   * threads, so it is cheap; it does not own them, so closing the copy does nothing and the copy
   * stops working when this client is closed.
   *
   * <pre>{@code
   * ClavataClient patient = client.withOptions(o -> o.timeout(Duration.ofMinutes(5)).maxRetries(5));
   * }</pre>
   *
   * @param changes applied to a builder that starts with this client's settings
   * @return the new client
   */
  public ClavataClient withOptions(Consumer<ClavataClientBuilder> changes) {
    ClavataClientBuilder builder = new ClavataClientBuilder(config);
    changes.accept(builder);
    ClientConfig changed = builder.snapshot();
    if (changed.okHttpClient() != config.okHttpClient()) {
      throw new IllegalArgumentException(
          "withOptions cannot swap the OkHttpClient; build a new client with builder() instead");
    }
    if (changed.maxIdleConnections() != config.maxIdleConnections()
        || !changed.keepAlive().equals(config.keepAlive())) {
      throw new IllegalArgumentException(
          "withOptions cannot change the connection pool, which the copy shares; build a new"
              + " client with builder() instead");
    }
    return new ClavataClient(changed, shared, true);
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
}
