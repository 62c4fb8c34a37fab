"""Every paragraph or item that states a figure (a number with a unit or a percentage) cites a public source.

An item's own `source:` covers its text; elsewhere an inline [@source-id] covers its paragraph or list
item. A seed article does not count: readers cannot open it. Illustrative failure modes are exempt,
since the page labels their numbers as a scenario.
"""

from ..evidence import figure_problems
from ..problems import per_entry

check = per_entry(__name__, figure_problems)
