package ai.clavata.sdk.internal.ndjson;

import java.io.IOException;

/** A line went past its limit before it ended; thrown by {@link RecordingSource} as it reads. */
final class LineTooLongException extends IOException {
  private static final long serialVersionUID = 1L;
  final long limit;

  LineTooLongException(long limit) {
    super("the line is longer than " + limit + " bytes");
    this.limit = limit;
  }
}
