package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.internal.OneShotResults;
import okhttp3.Response;

/** {@link BatchResults} over a live download, with the shared one-shot behaviour. */
final class LiveBatchResults extends OneShotResults<BatchResultRow> implements BatchResults {
  LiveBatchResults(ResultsCsv rows, Response download) {
    super(rows, download::close, "BatchResults");
  }
}
