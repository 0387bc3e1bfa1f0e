/**
 * The result record of one input file (DESIGN.md "The result record") and its encodings: JSON lines
 * and the old worker's results-queue message. Knows nothing of Spark or AWS clients.
 */
package io.wordfreq.record;
