/**
 * Step runners for this machine: {@code bin/wordfreq count} as a child process, and spark-submit in
 * cluster mode on the local YARN of {@code local up --yarn}. Used by the command line, never by the Lambda.
 */
package io.wordfreq.launcher.local;
