/**
 * Where the count job's results go: JSON lines, the console, DynamoDB (through emr-dynamodb-connector,
 * written from the executors) and the results queue.
 */
package io.wordfreq.output;
