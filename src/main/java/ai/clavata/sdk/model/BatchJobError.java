package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * An error the service reported on a batch job.
 *
 * @param errorCode the kind of error; {@link BatchJobErrorCode#UNSPECIFIED} when none
 * @param errorMessage the service's explanation; never {@code null}
 */
// Helper views such as isError() are not fields: they must not appear in your own JSON of this
// record (nor, on older Jackson, hide the field of the same name).
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
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
  public boolean isError() {
    return errorCode != BatchJobErrorCode.UNSPECIFIED || !errorMessage.isEmpty();
  }
}
