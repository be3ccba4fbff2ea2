"""Imported once by the forkserver that forks the service's workers, so each starts warm."""

from .work import warm_up

warm_up()
