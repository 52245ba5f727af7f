"""The Sozialräume (neighbourhoods) of a deployment: loaded from content/sozialraeume.yml for the
first set-up; every answer that names where a person lives points at one of them."""
