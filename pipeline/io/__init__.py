"""Reading the corpus and writing the tables: readers, table declarations, writers."""
