package ai.clavata.sdk.errors;

import java.io.IOException;

/**
 * A timeout passed: connecting, waiting for data, the whole call, or waiting for a job to finish.
 * The message names which one and how to raise it.
 */
public class ClavataTimeoutException extends ClavataIoException {
  /**
   * Creates the exception.
   *
   * @param message which timeout passed and how to raise it
   * @param cause the I/O failure, or {@code null} when the SDK's own wait timed out
   */
  public ClavataTimeoutException(String message, IOException cause) {
    super(message, cause);
  }
}
