"""Story models: one small async interface, three providers (local llama.cpp, OpenAI-compatible,
scripted). `create_model(settings)` picks one from `TALESTREAM_LLM_PROVIDER`, never another."""
