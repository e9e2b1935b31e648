"""The terminal app: `app` wires the screens (one per file in `screens/`), the modal
dialogs (`dialogs/`) and the widgets (`widgets/`) onto the domain, with one stylesheet
per side (`app.tcss`, `facilitate.tcss`). Nothing below this package imports it."""
