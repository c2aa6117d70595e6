"""Statistical named-entity recognition: data, training, backends and the merge with the rules."""
