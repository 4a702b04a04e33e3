package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An error the service reported on a batch job.
 *
 * @param errorCode the kind of error; {@link BatchJobErrorCode#UNSPECIFIED} when none
 * @param errorMessage the service's explanation; never {@code null}
 */
public record BatchJobError(BatchJobErrorCode errorCode, String errorMessage) {
  /**
   * Creates the record, normalizing absent values.
   *
   * @param errorCode the kind of error
   * @param errorMessage the explanation
   */
  public BatchJobError {
    errorCode = Copies.orDefault(errorCode, BatchJobErrorCode.UNSPECIFIED);
    errorMessage = errorMessage == null ? "" : errorMessage;
  }

  /**
   * Whether this reports an actual error; the gateway may send an empty one.
   *
   * @return {@code true} when a code or a message is set
   */
  @JsonIgnore // a view, not a field: it must not appear in your own JSON of this record
  public boolean isError() {
    return errorCode != BatchJobErrorCode.UNSPECIFIED || !errorMessage.isEmpty();
  }
}
