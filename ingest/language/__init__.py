"""Language tools every stage shares: sentence splitting, the date grammar, verb lexicons, fast regexes."""
