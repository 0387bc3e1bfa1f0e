package io.wordfreq.counting;

import java.io.Serializable;

/** One word of a file's top N and how many times it was counted. */
public record WordCount(String word, long count) implements Serializable {
}
