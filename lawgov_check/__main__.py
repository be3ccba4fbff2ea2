"""`python -m lawgov_check`: the same as the `lawgov-check` command."""

from .fastpath import main

if __name__ == "__main__":
    main()
