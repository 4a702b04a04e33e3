package ai.clavata.sdk.events;

/**
 * Hears what a client's calls do, for metrics and tracing: set it with {@code
 * ClavataClientBuilder.eventListener(...)}. Every method has an empty default, so implement only
 * what you need. Calls are the HTTP requests the SDK makes, to the API and to presigned storage
 * URLs; a call makes one attempt or more.
 *
 * <p>Methods are called on the thread doing the work, synchronously, so keep them quick. One that
 * throws does not break the call: the exception is logged as a warning and the call goes on.
 *
 * <pre>{@code
 * ClavataClient client = ClavataClient.builder().fromEnv()
 *     .eventListener(new ClavataEventListener() {
 *       public void callFinished(CallFinished call) {
 *         metrics.record(call.call().path(), call.duration(), call.statusCode());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface ClavataEventListener {
  /** A listener that does nothing. */
  ClavataEventListener NONE = new ClavataEventListener() {};

  /**
   * A call is about to make its first attempt.
   *
   * @param event the call
   */
  default void callStarted(CallStarted event) {}

  /**
   * One attempt of a call got a response or failed.
   *
   * @param event the attempt's outcome
   */
  default void attemptFinished(AttemptFinished event) {}

  /**
   * A call will be attempted again after a wait.
   *
   * @param event why, and how long the wait is
   */
  default void retryScheduled(RetryScheduled event) {}

  /**
   * A call ended: its last attempt's response is handed on, or it gave up.
   *
   * @param event the outcome over all attempts
   */
  default void callFinished(CallFinished event) {}

  /**
   * A result stream ended: all its results delivered, interrupted, or closed early.
   *
   * @param event how many results and how it ended
   */
  default void streamFinished(StreamFinished event) {}

  /**
   * A job or batch job was polled while waiting for it to finish.
   *
   * @param event the job's id and status
   */
  default void jobPolled(JobPolled event) {}
}
