package ai.clavata.flink;

import ai.clavata.sdk.model.ContentData;
import java.io.Serializable;

/**
 * Turns a stream element into the content to evaluate, such as {@code post ->
 * ContentData.text(post.body())}. Serializable, since Flink ships it to every task.
 *
 * @param <IN> the element type
 */
@FunctionalInterface
public interface ToContent<IN> extends Serializable {
  /**
   * The content of one element.
   *
   * @param element the element
   * @return its content, with exactly one content kind set; what this throws is a failure of the
   *     element, handled as {@link ClavataAsyncFunction} describes
   */
  ContentData toContent(IN element);
}
