"""Safety tooling: the evaluation of the policies against labelled sets (`evaluation`) and its
command group (`cli`)."""
