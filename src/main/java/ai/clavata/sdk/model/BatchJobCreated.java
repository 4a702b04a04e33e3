package ai.clavata.sdk.model;

/**
 * A newly created batch job and where to upload its input.
 *
 * @param batchJobId the new job's id
 * @param name the job's name
 * @param error an error the service reported while creating the job, or {@code null}
 * @param inputFileUploadUrl the presigned URL to upload the input CSV to with PUT; valid about 4
 *     hours, after which a new job is needed
 */
public record BatchJobCreated(
    String batchJobId, String name, BatchJobError error, String inputFileUploadUrl) {

  /** Hides the presigned URL's signature, which grants write access to the input file. */
  @Override
  public String toString() {
    String url = inputFileUploadUrl == null ? null : inputFileUploadUrl.replaceAll("\\?.*", "?…");
    return "BatchJobCreated[batchJobId="
        + batchJobId
        + ", name="
        + name
        + ", error="
        + error
        + ", inputFileUploadUrl="
        + url
        + "]";
  }
}
