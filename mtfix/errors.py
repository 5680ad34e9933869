"""Errors the CLI turns into one line on stderr and exit code 2."""


class MtfixError(Exception):
    """A user-facing problem: bad input, bad rule file, bad option. Never a traceback."""


class InputError(MtfixError):
    """A file that cannot be read as prose."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class RuleError(MtfixError):
    """A malformed rule file; names the file and line where known."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
