/**
 * The {@code classic} counting rules and the data structures behind them: a tokenizer that turns bytes
 * into counted words, a byte-slice word table, byte-range boundaries that cut only at white space, and
 * top-N selection. Knows nothing of Spark, Hadoop or AWS.
 */
package io.wordfreq.counting;
