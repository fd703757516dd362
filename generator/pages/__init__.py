"""Building blocks of the site's generated pages: escaping, evidence, diagrams, catalogues."""
