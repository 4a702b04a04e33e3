package ai.clavata.sdk.testing;

/** The endpoints of a {@link FakeClavataServer}, for fault injection. */
public enum FakeEndpoint {
  /** {@code POST /v1/jobs}. */
  CREATE_JOB,
  /** {@code GET /v1/jobs/{jobUuid}}. */
  GET_JOB,
  /** {@code GET /v1/jobs}. */
  LIST_JOBS,
  /** {@code POST /v1/jobs/stream}; a failure here comes before the first result. */
  STREAM,
  /** {@code POST /v1/batch-jobs}. */
  CREATE_BATCH_JOB,
  /** {@code GET /v1/batch-jobs}. */
  LIST_BATCH_JOBS,
  /** {@code POST /v1/batch-jobs/{id}/start}. */
  START_BATCH_JOB,
  /** {@code POST /v1/batch-jobs/{id}/cancel}. */
  CANCEL_BATCH_JOB,
  /** {@code POST /v1/labels/evaluate}. */
  LABELS,
  /** The presigned input upload (PUT). */
  UPLOAD,
  /** The presigned results download (GET). */
  DOWNLOAD
}
