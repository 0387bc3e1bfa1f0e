/** Spark and Hadoop wiring of the job: the context and its settings, Kryo registration, and the input warm-up. */
package io.wordfreq.job.spark;
