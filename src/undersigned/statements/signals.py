"""What the statements app tells the apps above it, which it must not import."""

from django.dispatch import Signal

# Sent inside the transaction that creates a new version of the original text, with
# `statement`, `previous` and `text`; signing asks the earlier signers to confirm again.
text_version_created = Signal()
