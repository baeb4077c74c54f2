-- Write the CHECKs of the tables an import or a link fills by the thousand (claim, paragraph,
-- evidence) as chains of comparisons instead of `IN (...)` lists. SQLite checks a list of three or
-- more constants by building a temporary table of them for every row inserted, which made a
-- claim's insert cost about twice what it does now. The values allowed do not change.
--
-- The views that read these tables are dropped first and made again at the end: SQLite refuses to
-- rename a table while a view names a table that is missing.
DROP VIEW claim_report;
DROP VIEW claim_status;
DROP VIEW evidence_report;
DROP VIEW evidence_verdict;

CREATE TABLE paragraph_moved (
    article INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL CHECK (start >= 0),
    end     INTEGER NOT NULL CHECK (end >= start),
    kind    TEXT NOT NULL DEFAULT 'text'
            CHECK (kind = 'text' OR kind = 'title' OR kind = 'noise' OR kind = 'source_list'),
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
INSERT INTO paragraph_moved (article, idx, start, end, kind) SELECT article, idx, start, end, kind FROM paragraph;
DROP TABLE paragraph;
ALTER TABLE paragraph_moved RENAME TO paragraph;

CREATE TABLE claim_moved (
    id              INTEGER PRIMARY KEY,
    article         INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind = 'quantity' OR kind = 'role' OR kind = 'quote' OR kind = 'event'
                                         OR kind = 'comparison'),
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL CHECK (start >= 0),
    end             INTEGER NOT NULL CHECK (end >= start),
    fields          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    checkworthiness REAL NOT NULL DEFAULT 0 CHECK (checkworthiness BETWEEN 0 AND 1),
    hedged          INTEGER NOT NULL DEFAULT 0 CHECK (hedged IN (0, 1)),
    origin          TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
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

CREATE TABLE evidence_moved (
    id           INTEGER PRIMARY KEY,
    claim        INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    passage      INTEGER NOT NULL REFERENCES passage (id),
    score        REAL NOT NULL DEFAULT 0,
    stance       TEXT NOT NULL DEFAULT 'mentions'
                 CHECK (stance = 'supports' OR stance = 'contradicts' OR stance = 'mentions'),
    reason       TEXT NOT NULL DEFAULT '',
    origin       TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
    confidence   REAL,
    features     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(features)),
    quote_exact  TEXT NOT NULL DEFAULT '',
    quote_prefix TEXT NOT NULL DEFAULT '',
    quote_suffix TEXT NOT NULL DEFAULT '',
    quote_start  INTEGER NOT NULL DEFAULT 0,
    quote_end    INTEGER NOT NULL DEFAULT 0,
    orphaned     INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    created_at   TEXT NOT NULL
);
INSERT INTO evidence_moved (id, claim, passage, score, stance, reason, origin, confidence, features, quote_exact,
                            quote_prefix, quote_suffix, quote_start, quote_end, orphaned, created_at)
SELECT id, claim, passage, score, stance, reason, origin, confidence, features, quote_exact,
       quote_prefix, quote_suffix, quote_start, quote_end, orphaned, created_at FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_moved RENAME TO evidence;
CREATE INDEX evidence_claim ON evidence (claim, score DESC);
CREATE INDEX evidence_passage ON evidence (passage);

-- The views, as 001 made them.
CREATE VIEW evidence_verdict AS
SELECT e.id AS evidence,
       coalesce((SELECT CASE r.action WHEN 'evidence-accept' THEN 'accepted' ELSE 'rejected' END
                 FROM review r WHERE r.evidence = e.id AND r.action IN ('evidence-accept', 'evidence-reject')
                 ORDER BY r.id DESC LIMIT 1), 'proposed') AS verdict
FROM evidence e;

CREATE VIEW claim_status AS
SELECT c.id AS claim,
       coalesce((SELECT r.status FROM review r WHERE r.claim = c.id AND r.action = 'status'
                 ORDER BY r.id DESC LIMIT 1), 'unreviewed') AS status,
       (SELECT max(r.created_at) FROM review r WHERE r.claim = c.id) AS reviewed_at,
       coalesce((SELECT r.action = 'claim-reject' FROM review r
                 WHERE r.claim = c.id AND r.action IN ('claim-reject', 'claim-restore')
                 ORDER BY r.id DESC LIMIT 1), 0) AS rejected
FROM claim c;

CREATE VIEW evidence_report AS
SELECT e.claim, e.id AS evidence, e.score, e.stance, e.origin, e.reason, e.orphaned, v.verdict,
       p.text AS passage_text, s.url
FROM evidence e
JOIN evidence_verdict v ON v.evidence = e.id
JOIN passage p ON p.id = e.passage
JOIN snapshot n ON n.id = p.snapshot
JOIN source s ON s.id = n.source
WHERE v.verdict <> 'rejected';

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
