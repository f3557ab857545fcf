"""Entity families (one module each) and the resolver that merges them with the model's
entities: datelines, dates, countries, places, organisations, people, then ``resolve``."""
