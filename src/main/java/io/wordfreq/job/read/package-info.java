/** Reading and counting on the executors: a work unit's files read (several reads in flight where there is latency to hide) and counted into partial counts. */
package io.wordfreq.job.read;
