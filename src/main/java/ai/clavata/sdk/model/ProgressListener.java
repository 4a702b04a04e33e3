package ai.clavata.sdk.model;

/**
 * Hears each status a polled job enters while the SDK waits for it to finish, in order, on the
 * polling thread: a {@link Job}'s {@link Job#status()} or a {@link BatchJob}'s {@link
 * BatchJob#state()}. An exception it throws ends the wait with that exception.
 *
 * <pre>{@code
 * client.batch().awaitCompletion(id, PollOptions.forBatchJobs(), job -> log.info("now {}", job.state()));
 * }</pre>
 *
 * @param <T> the polled job type
 */
@FunctionalInterface
public interface ProgressListener<T> {
  /**
   * A listener that ignores progress.
   *
   * @param <T> the polled job type
   * @return the listener
   */
  static <T> ProgressListener<T> none() {
    return job -> {};
  }

  /**
   * Called once per new status, including the first one seen.
   *
   * @param job the job as just polled
   */
  void onStatusChange(T job);
}
