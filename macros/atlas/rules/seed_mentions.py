"""Prose never cites a seed article by number ("seed 003"): readers cannot open those articles."""

from ..evidence import seed_mention_problems
from ..problems import per_entry

check = per_entry(__name__, seed_mention_problems)
