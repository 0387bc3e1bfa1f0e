package io.wordfreq.job.input;

import java.io.Serializable;

/**
 * A file a manifest names that could not be found or looked up: it becomes a {@code failure}
 * record instead of stopping the batch.
 *
 * @param uri    the URI as the manifest gave it
 * @param reason why it could not be listed
 */
public record MissingInput(String uri, String reason) implements Serializable {
}
