// Records which dataset the graph holds and whether its import completed (a single :Dataset node).
MERGE (d:Dataset {key: 'active'})
SET d += $props
