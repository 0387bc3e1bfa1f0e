/**
 * What the tests share that is not a server: waiting on a condition ({@link io.wordfreq.testing.Await})
 * and the JUnit extension that owns Hadoop's file-system cache
 * ({@link io.wordfreq.testing.HadoopFileSystemCache}).
 */
package io.wordfreq.testing;
