package ai.clavata.sdk.errors;

import java.io.IOException;

/**
 * The request did not get an answer: the connection failed or broke, or the call was interrupted.
 * Retryable failures were already retried.
 */
public class ClavataIoException extends ClavataException {
  /**
   * Creates the exception.
   *
   * @param message what the SDK was doing
   * @param cause the I/O failure
   */
  public ClavataIoException(String message, IOException cause) {
    super(message, cause);
  }
}
