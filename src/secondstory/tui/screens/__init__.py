"""The screens, one per file: home, the six interview steps, the facilitator, help."""
