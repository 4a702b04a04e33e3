package ai.clavata.sdk.stream;

import ai.clavata.sdk.model.EvaluationResult;

/**
 * Receives the results of an asynchronous evaluation, one call per result, in arrival order, on one
 * thread at a time. An exception thrown here stops the stream and fails its future.
 */
@FunctionalInterface
public interface EvaluationListener {
  /**
   * Handles one result.
   *
   * @param result the result, as soon as its line arrived
   */
  void onResult(EvaluationResult result);
}
