-- Check a claim's `fields` and `origin` by plain comparisons, which SQLite runs on the row as it
-- stands: substr() copied the whole JSON for every insert and then made a one-letter string, and
-- `IN (...)` turned the origin into a number to test it for NULL. Between them they were a tenth
-- of what an import spent writing its claims. The values allowed do not change: a text starts
-- with '{' exactly when it sorts from '{' up to (not with) '|', the next byte; no BLOB sorts
-- there, but substr() made NULL of an empty one, which passed.
--
-- The views that read the claim table are dropped first and made again at the end: SQLite refuses
-- to rename a table while a view names a table that is missing.
DROP VIEW claim_report;
DROP VIEW claim_status;

CREATE TABLE claim_moved (
    id              INTEGER PRIMARY KEY,
    article         INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind = 'quantity' OR kind = 'role' OR kind = 'quote' OR kind = 'event'
                                         OR kind = 'comparison'),
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL CHECK (start >= 0),
    end             INTEGER NOT NULL CHECK (end >= start),
    fields          TEXT NOT NULL DEFAULT '{}' CHECK (fields >= '{' AND fields < '|' OR fields = x''),
    checkworthiness REAL NOT NULL DEFAULT 0 CHECK (checkworthiness BETWEEN 0 AND 1),
    hedged          INTEGER NOT NULL DEFAULT 0 CHECK (hedged IN (0, 1)),
    origin          TEXT NOT NULL DEFAULT 'auto' CHECK (origin = 'auto' OR origin = 'manual'),
    created_at      TEXT NOT NULL
);
INSERT INTO claim_moved (id, article, kind, text, start, end, fields, checkworthiness, hedged, origin, created_at)
SELECT id, article, kind, text, start, end, fields, checkworthiness, hedged, origin, created_at FROM claim;
DROP TABLE claim;
ALTER TABLE claim_moved RENAME TO claim;
CREATE INDEX claim_article ON claim (article, start);
CREATE TRIGGER claim_keep_reviewed BEFORE DELETE ON claim
WHEN old.origin = 'manual' OR EXISTS (SELECT 1 FROM review r WHERE r.claim = old.id) BEGIN
    SELECT RAISE(ABORT, 'a claim a person added or reviewed is never deleted');
END;

-- The views, as 001 made them.
CREATE VIEW claim_status AS
SELECT c.id AS claim,
       coalesce((SELECT r.status FROM review r WHERE r.claim = c.id AND r.action = 'status'
                 ORDER BY r.id DESC LIMIT 1), 'unreviewed') AS status,
       (SELECT max(r.created_at) FROM review r WHERE r.claim = c.id) AS reviewed_at,
       coalesce((SELECT r.action = 'claim-reject' FROM review r
                 WHERE r.claim = c.id AND r.action IN ('claim-reject', 'claim-restore')
                 ORDER BY r.id DESC LIMIT 1), 0) AS rejected
FROM claim c;

CREATE VIEW claim_report AS
SELECT c.article, c.id AS claim, c.kind, st.status, st.rejected, c.origin, c.end > c.start AS anchored,
       c.checkworthiness, c.hedged, c.text,
       (SELECT count(*) FROM evidence_report er WHERE er.claim = c.id) AS evidence_count,
       (SELECT er.url FROM evidence_report er WHERE er.claim = c.id
        ORDER BY er.verdict = 'accepted' DESC, er.score DESC, er.evidence LIMIT 1) AS best_url,
       (SELECT er.stance FROM evidence_report er WHERE er.claim = c.id
        ORDER BY er.verdict = 'accepted' DESC, er.score DESC, er.evidence LIMIT 1) AS best_stance
FROM claim c
JOIN claim_status st ON st.claim = c.id
ORDER BY c.article, c.start;
