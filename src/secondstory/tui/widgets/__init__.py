"""The widgets the screens are built from; each posts past-tense messages of its own."""
