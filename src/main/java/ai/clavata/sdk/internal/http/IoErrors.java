package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Turns an I/O failure into a {@link ClavataIoException} whose message says what to change. */
public final class IoErrors {
  private IoErrors() {}

  /**
   * The exception for a failed call.
   *
   * @param what the call, such as {@code "GET /v1/jobs/abc"}
   * @param failure what OkHttp threw
   */
  public static ClavataIoException toException(String what, IOException failure) {
    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    if (failure instanceof SocketTimeoutException) {
      boolean connecting = reason.toLowerCase(Locale.ROOT).contains("connect");
      return new ClavataTimeoutException(
          what
              + (connecting
                  ? " timed out while connecting; raise connectTimeout(...) or check the network"
                  : " timed out waiting for data; raise readTimeout(...) if responses are slow")
              + " ("
              + reason
              + ")",
          failure);
    }
    if (failure instanceof InterruptedIOException && "timeout".equals(reason)) {
      return new ClavataTimeoutException(
          what + " did not finish within the call timeout, retries included; raise timeout(...)",
          failure);
    }
    if (failure instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
      return new ClavataIoException(what + " was interrupted or canceled (" + reason + ")", failure);
    }
    return new ClavataIoException(what + " failed: " + reason, failure);
  }
}
