"""Every inline citation [@id] in prose names a source listed in the same file."""

from ..evidence import citation_problems
from ..problems import per_entry

check = per_entry(__name__, citation_problems)
