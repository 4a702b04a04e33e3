package ai.clavata.sdk;

import ai.clavata.sdk.jobs.AsyncJobsClient;
import ai.clavata.sdk.stream.AsyncStreamClient;

/**
 * The sub-clients of a {@link ClavataClient} returning {@link
 * java.util.concurrent.CompletableFuture} instead of blocking: {@code client.async()}. They share
 * the client's connection pool and run on its OkHttp dispatcher's threads; closing the client stops
 * them.
 *
 * <pre>{@code
 * client.async().jobs().create(request)
 *     .thenAccept(job -> System.out.println(job.status()));
 * }</pre>
 */
public final class AsyncClavataClient {
  private final AsyncJobsClient jobs;
  private final AsyncStreamClient stream;

  AsyncClavataClient(AsyncJobsClient jobs, AsyncStreamClient stream) {
    this.jobs = jobs;
    this.stream = stream;
  }

  /**
   * The jobs API, asynchronously.
   *
   * @return the async jobs sub-client
   */
  public AsyncJobsClient jobs() {
    return jobs;
  }

  /**
   * Streaming evaluation, pushing each result to a listener.
   *
   * @return the async streaming sub-client
   */
  public AsyncStreamClient stream() {
    return stream;
  }
}
