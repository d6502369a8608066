"""Property-based tests (hypothesis) of the cleaner, the sentence splitter and the formatter."""
