/** The {@code wordfreq} command line: one entry point, one picocli command class per subcommand. */
package io.wordfreq.cli;
