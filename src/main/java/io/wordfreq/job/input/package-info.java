/** The job's inputs: folders, prefixes, globs and manifests listed into the files of a batch, and what could not be found. */
package io.wordfreq.job.input;
