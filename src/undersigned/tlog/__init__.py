"""Transparency logs of signatures: Merkle trees (RFC 9162), signed checkpoints (C2SP) and the
offline verifier. Pure Python with `cryptography`, no Django, like textformat."""
