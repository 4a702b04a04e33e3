package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.internal.OneShotResults;
import java.util.Iterator;
import okhttp3.Response;

/** {@link BatchResults} over a live download, with the shared one-shot behaviour. */
final class LiveBatchResults implements BatchResults {
  private final OneShotResults<BatchResultRow> rows;

  LiveBatchResults(ResultsCsv rows, Response download) {
    this.rows = OneShotResults.of(rows, download::close, "BatchResults");
  }

  @Override
  public Iterator<BatchResultRow> iterator() {
    return rows.iterator();
  }

  @Override
  public void close() {
    rows.close();
  }
}
