"""What the coalitions app tells the apps above it, which it must not import."""

from django.dispatch import Signal

# Sent inside the transaction in which a domain proof of `organization` was verified or lapsed:
# the signatory lists that show the organization are out of date (signing touches them).
domain_proof_changed = Signal()

# Sent inside the transaction in which an existing organization's directory entry was saved
# (its names or country may have changed): signing logs the new details in the transparency
# log of each statement it has signed, whose lists show them.
organization_saved = Signal()
