"""The benchmark: corpora of N seeds made by varying real ones, and what each step costs."""
