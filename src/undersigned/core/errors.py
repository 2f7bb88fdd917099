class ActionError(Exception):
    """A domain action that is allowed but cannot be done now; the message tells the person why.

    Permission failures are PermissionDenied instead: they are not the person's to fix.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
