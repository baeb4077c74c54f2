-- Let users extend the built-in alias table: each row says `name` is another name of `canonical`.
-- `name_key` and `canonical_key` are the names NFKC-casefolded by claimtrack, so 'NVIDIA' and
-- 'Nvidia' are one name; a pair is stored once whichever way round it was given.
CREATE TABLE alias (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (name <> ''),
    canonical     TEXT NOT NULL CHECK (canonical <> ''),
    name_key      TEXT NOT NULL,
    canonical_key TEXT NOT NULL CHECK (canonical_key <> name_key),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL DEFAULT '',
    UNIQUE (name_key, canonical_key)
);
CREATE INDEX alias_canonical ON alias (canonical_key);
