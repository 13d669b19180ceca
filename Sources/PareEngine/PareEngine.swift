// Placeholder so the target builds until the engine lands (issue 3).
