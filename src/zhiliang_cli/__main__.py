"""python -m zhiliang_cli"""

from .cli import main

main()
