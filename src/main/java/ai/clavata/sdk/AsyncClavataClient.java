package ai.clavata.sdk;

import ai.clavata.sdk.batch.AsyncBatchClient;
import ai.clavata.sdk.jobs.AsyncJobsClient;
import ai.clavata.sdk.labels.AsyncLabelsClient;
import ai.clavata.sdk.stream.AsyncStreamClient;

/**
 * The sub-clients of a {@link ClavataClient} returning {@link
 * java.util.concurrent.CompletableFuture} instead of blocking: {@code client.async()}. They share
 * the client's connection pool and run their blocking steps on the OkHttp dispatcher's threads, or
 * on the executor set with {@link ClavataClientBuilder#asyncExecutor}. Waits (between polls, before
 * a retry) are timers on one scheduler thread, never a parked thread; cancelling a future stops its
 * polling and its request in flight. Closing the client fails the futures still waiting.
 *
 * <pre>{@code
 * client.async().jobs().create(request)
 *     .thenAccept(job -> System.out.println(job.status()));
 * }</pre>
 */
public final class AsyncClavataClient {
  private final AsyncJobsClient jobs;
  private final AsyncStreamClient stream;
  private final AsyncBatchClient batch;
  private final AsyncLabelsClient labels;

  AsyncClavataClient(
      AsyncJobsClient jobs,
      AsyncStreamClient stream,
      AsyncBatchClient batch,
      AsyncLabelsClient labels) {
    this.jobs = jobs;
    this.stream = stream;
    this.batch = batch;
    this.labels = labels;
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

  /**
   * Bulk evaluation, asynchronously.
   *
   * @return the async batch sub-client
   */
  public AsyncBatchClient batch() {
    return batch;
  }

  /**
   * Label evaluation, asynchronously.
   *
   * @return the async labels sub-client
   */
  public AsyncLabelsClient labels() {
    return labels;
  }
}
