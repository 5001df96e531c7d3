"""Stories and chapters: the workflow that writes them, the streams that carry them, the library."""
