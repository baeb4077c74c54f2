-- Create the first claimtrack schema: articles, sources, claims, snapshots, passages with their index, evidence and the review log.

CREATE TABLE article (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT 'und',
    format      TEXT NOT NULL DEFAULT 'text' CHECK (format IN ('text', 'markdown', 'html')),
    origin      TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
);

-- The article's paragraphs as byte spans of its body, in order.
CREATE TABLE paragraph (
    article INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL CHECK (start >= 0),
    end     INTEGER NOT NULL CHECK (end >= start),
    kind    TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'title', 'noise', 'source_list')),
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- A cited URL, normalized, stored once however many articles cite it.
CREATE TABLE source (
    id  INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE
);

CREATE TABLE citation (
    article  INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    source   INTEGER NOT NULL REFERENCES source (id),
    title    TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article, source)
);
CREATE INDEX citation_source ON citation (source);

-- `fields` is a JSON object of strings (see the claims --json contract); `origin` says whether
-- the extractor or a person made the claim.
CREATE TABLE claim (
    id              INTEGER PRIMARY KEY,
    article         INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('quantity', 'role', 'quote', 'event', 'comparison')),
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL CHECK (start >= 0),
    end             INTEGER NOT NULL CHECK (end >= start),
    fields          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    checkworthiness REAL NOT NULL DEFAULT 0 CHECK (checkworthiness BETWEEN 0 AND 1),
    hedged          INTEGER NOT NULL DEFAULT 0 CHECK (hedged IN (0, 1)),
    origin          TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
    created_at      TEXT NOT NULL
);
CREATE INDEX claim_article ON claim (article, start);

-- One fetch of a source. `body` is the raw payload gzip-compressed; `http_status` is NULL when
-- no response came; `outcome` is the fetcher's verdict (ok, dead, unreachable, not-text, ...).
CREATE TABLE snapshot (
    id            INTEGER PRIMARY KEY,
    source        INTEGER NOT NULL REFERENCES source (id),
    requested_url TEXT NOT NULL DEFAULT '',
    final_url     TEXT NOT NULL DEFAULT '',
    http_status   INTEGER CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 999),
    status_line   TEXT NOT NULL DEFAULT '',
    content_type  TEXT NOT NULL DEFAULT '',
    charset       TEXT NOT NULL DEFAULT '',
    fetched_at    TEXT NOT NULL DEFAULT '',
    sha256        TEXT NOT NULL DEFAULT '',
    headers       TEXT NOT NULL DEFAULT '',
    body          BLOB NOT NULL DEFAULT x'',
    size          INTEGER NOT NULL DEFAULT 0,
    title         TEXT NOT NULL DEFAULT '',
    published     TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    error         TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL DEFAULT '',
    warc_file     TEXT NOT NULL DEFAULT '',
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT ''
);
CREATE INDEX snapshot_source ON snapshot (source, id);

-- A sentence-sized piece of a snapshot's text; `start`/`end` are byte offsets in snapshot.text.
CREATE TABLE passage (
    id       INTEGER PRIMARY KEY,
    snapshot INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL CHECK (start >= 0),
    end      INTEGER NOT NULL CHECK (end >= start),
    text     TEXT NOT NULL,
    UNIQUE (snapshot, idx)
);

-- Full-text index: rowid = passage.id, `tokens` = folded Latin words, numbers ('.' kept: 3.5) and
-- CJK character bigrams. From the sqlite3 shell:
--   SELECT rowid FROM passage_fts WHERE passage_fts MATCH '"英伟 伟达" AND nvidia AND "95.5"';
CREATE VIRTUAL TABLE passage_fts USING fts5(tokens, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'");

CREATE TRIGGER passage_fts_delete AFTER DELETE ON passage BEGIN
    DELETE FROM passage_fts WHERE rowid = old.id;
END;

-- A passage proposed (auto) or cited (manual) for a claim, with a W3C-style quote selector.
-- `confidence` and `features` (JSON) leave room for stance confidence and its explanation.
CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    claim        INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    passage      INTEGER NOT NULL REFERENCES passage (id),
    score        REAL NOT NULL DEFAULT 0,
    stance       TEXT NOT NULL DEFAULT 'mentions' CHECK (stance IN ('supports', 'contradicts', 'mentions')),
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
CREATE INDEX evidence_claim ON evidence (claim, score DESC);
CREATE INDEX evidence_passage ON evidence (passage);

-- The append-only review log. `action` 'status' rows decide a claim's status; the other actions
-- (adding, editing, rejecting or restoring a claim, accepting or rejecting an evidence link) are
-- logged the same way, with `previous` = `status` = the claim's status at the time.
CREATE TABLE review (
    id         INTEGER PRIMARY KEY,
    claim      INTEGER NOT NULL REFERENCES claim (id),
    action     TEXT NOT NULL DEFAULT 'status'
               CHECK (action IN ('status', 'claim-add', 'claim-edit', 'claim-reject', 'claim-restore',
                                 'evidence-accept', 'evidence-reject')),
    previous   TEXT NOT NULL CHECK (previous IN ('unreviewed', 'verified', 'disputed', 'unverifiable')),
    status     TEXT NOT NULL CHECK (status IN ('unreviewed', 'verified', 'disputed', 'unverifiable')),
    evidence   INTEGER REFERENCES evidence (id),
    note       TEXT NOT NULL DEFAULT '',
    reviewer   TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',  -- what a claim-edit changed, in words
    created_at TEXT NOT NULL
);
CREATE INDEX review_claim ON review (claim, id);
CREATE INDEX review_evidence ON review (evidence);

CREATE TRIGGER review_no_update BEFORE UPDATE ON review BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: add a new row instead');
END;
CREATE TRIGGER review_no_delete BEFORE DELETE ON review BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: rows are never deleted');
END;

-- A claim a person added or that has review rows is the checker's: nothing deletes it.
CREATE TRIGGER claim_keep_reviewed BEFORE DELETE ON claim
WHEN old.origin = 'manual' OR EXISTS (SELECT 1 FROM review r WHERE r.claim = old.id) BEGIN
    SELECT RAISE(ABORT, 'a claim a person added or reviewed is never deleted');
END;

-- Views for the stock sqlite3 shell and for reports.

-- Each evidence row's verdict: its latest accept/reject review row, else 'proposed'.
CREATE VIEW evidence_verdict AS
SELECT e.id AS evidence,
       coalesce((SELECT CASE r.action WHEN 'evidence-accept' THEN 'accepted' ELSE 'rejected' END
                 FROM review r WHERE r.evidence = e.id AND r.action IN ('evidence-accept', 'evidence-reject')
                 ORDER BY r.id DESC LIMIT 1), 'proposed') AS verdict
FROM evidence e;

-- Each claim's status: its latest 'status' review row, else 'unreviewed'; `rejected` when a
-- person said it is not a claim (and did not restore it since).
CREATE VIEW claim_status AS
SELECT c.id AS claim,
       coalesce((SELECT r.status FROM review r WHERE r.claim = c.id AND r.action = 'status'
                 ORDER BY r.id DESC LIMIT 1), 'unreviewed') AS status,
       (SELECT max(r.created_at) FROM review r WHERE r.claim = c.id) AS reviewed_at,
       coalesce((SELECT r.action = 'claim-reject' FROM review r
                 WHERE r.claim = c.id AND r.action IN ('claim-reject', 'claim-restore')
                 ORDER BY r.id DESC LIMIT 1), 0) AS rejected
FROM claim c;

-- The latest snapshot of each source (whatever its outcome).
CREATE VIEW latest_snapshot AS
SELECT source, max(id) AS snapshot FROM snapshot GROUP BY source;

-- One row per citation with the source's latest fetch result.
CREATE VIEW source_report AS
SELECT ci.article, ci.position, s.id AS source, s.url, ci.title,
       n.http_status, n.outcome, n.error, n.fetched_at, n.final_url
FROM citation ci
JOIN source s ON s.id = ci.source
LEFT JOIN snapshot n ON n.id = (SELECT max(x.id) FROM snapshot x WHERE x.source = s.id)
ORDER BY ci.article, ci.position;

-- Every evidence row a person has not rejected, with its verdict, passage text and source URL.
CREATE VIEW evidence_report AS
SELECT e.claim, e.id AS evidence, e.score, e.stance, e.origin, e.reason, e.orphaned, v.verdict,
       p.text AS passage_text, s.url
FROM evidence e
JOIN evidence_verdict v ON v.evidence = e.id
JOIN passage p ON p.id = e.passage
JOIN snapshot n ON n.id = p.snapshot
JOIN source s ON s.id = n.source
WHERE v.verdict <> 'rejected';

-- One row per claim: where it is, what it says, its status and its best evidence.
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
