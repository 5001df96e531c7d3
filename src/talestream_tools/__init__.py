"""Development tooling for talestream, outside the runtime package: nothing in `talestream`
imports it except the CLI, which exposes it as commands (`talestream safety ...`)."""
