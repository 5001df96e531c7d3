"""The safety core: normalisation, the lexicon matcher, masked-swearing and personal-data rules,
the classifiers and sentence splitting. Policies (`input_policy`, `output_policy`,
`moderation`) are built from these; nothing here imports a policy."""
