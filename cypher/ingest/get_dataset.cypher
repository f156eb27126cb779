// The dataset the graph holds, if any.
MATCH (d:Dataset {key: 'active'})
RETURN d.name AS name, d.format AS format, d.path AS path, d.fingerprint AS fingerprint,
       d.complete AS complete, d.importedAt AS importedAt,
       d.ratingMin AS ratingMin, d.ratingMax AS ratingMax, d.ratingStep AS ratingStep
