"""Jurisdiction files (rulesets/jurisdictions/*.yml): the parameters a province, city or county
sets for the rulesets, each with its source; validated, inherited county → city → province →
national, and resolved for a document with a record of which file set each parameter."""

from .loader import load_jurisdiction_file, load_jurisdiction_files
from .model import JurisdictionFile, Parameter, Resolved, Setting, Source
from .resolve import Jurisdictions

__all__ = ["JurisdictionFile", "Jurisdictions", "Parameter", "Resolved", "Setting", "Source",
           "load_jurisdiction_file", "load_jurisdiction_files"]
