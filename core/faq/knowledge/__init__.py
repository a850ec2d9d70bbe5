"""Knowledge base for "Ask the coach": one YAML file per topic, in the project's own words."""
