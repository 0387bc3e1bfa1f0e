/**
 * The launcher's AWS runtime: the Lambda handlers and the EMR step runner with the cluster it
 * finds or creates. What the Lambda package carries besides the core; nothing of {@code local}.
 */
package io.wordfreq.launcher.aws;
