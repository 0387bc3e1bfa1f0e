package io.wordfreq.job.input;

import java.io.Serializable;

/**
 * One file of a batch as the driver listed it.
 *
 * @param uri    the fully qualified URI, as Hadoop's {@code Path.toUri()} spells it
 * @param length its length in bytes
 */
public record InputFile(String uri, long length) implements Serializable {
}
