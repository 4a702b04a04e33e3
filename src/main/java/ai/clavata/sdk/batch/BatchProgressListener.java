package ai.clavata.sdk.batch;

import ai.clavata.sdk.model.BatchJob;

/** Hears each state a polled batch job enters, in order, on the polling thread. */
@FunctionalInterface
public interface BatchProgressListener {
  /** A listener that ignores progress. */
  BatchProgressListener NONE = job -> {};

  /**
   * Called once per new state, including the first one seen.
   *
   * @param job the job as just polled
   */
  void onStateChange(BatchJob job);
}
