#include "store/migrations.hpp"

namespace claimtrack::store_detail {

// The schema that schema/001..006 leave, written as SQLite keeps it in sqlite_schema (renamed
// tables quoted, comments and all), in the order of its rows there. FTS5 makes its own shadow
// tables from passage_fts. A new file is made from it at once: replaying the migrations parsed
// the whole schema again at every table they rebuilt and renamed, ~50M instructions per import
// into a new file. store_latest_schema_test proves it gives the migrated file's sqlite_schema
// and rows; a new migration makes that test fail until this is written again (until then a new
// file replays the migrations, as the versions no longer match).
Schema latest_schema() {
    return {6, R"sql(CREATE TABLE source (
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
CREATE TABLE passage (
    id       INTEGER PRIMARY KEY,
    snapshot INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL CHECK (start >= 0),
    end      INTEGER NOT NULL CHECK (end >= start),
    text     TEXT NOT NULL,
    UNIQUE (snapshot, idx)
);
CREATE VIRTUAL TABLE passage_fts USING fts5(tokens, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'");
CREATE TRIGGER passage_fts_delete AFTER DELETE ON passage BEGIN
    DELETE FROM passage_fts WHERE rowid = old.id;
END;
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
CREATE VIEW latest_snapshot AS
SELECT source, max(id) AS snapshot FROM snapshot GROUP BY source;
CREATE VIEW source_report AS
SELECT ci.article, ci.position, s.id AS source, s.url, ci.title,
       n.http_status, n.outcome, n.error, n.fetched_at, n.final_url
FROM citation ci
JOIN source s ON s.id = ci.source
LEFT JOIN snapshot n ON n.id = (SELECT max(x.id) FROM snapshot x WHERE x.source = s.id)
ORDER BY ci.article, ci.position;
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
CREATE TABLE "article" (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT 'und',
    format      TEXT NOT NULL DEFAULT 'text' CHECK (format IN ('text', 'markdown', 'html')),
    origin      TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE TABLE "paragraph" (
    article INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL CHECK (start >= 0),
    end     INTEGER NOT NULL CHECK (end >= start),
    kind    TEXT NOT NULL DEFAULT 'text'
            CHECK (kind = 'text' OR kind = 'title' OR kind = 'noise' OR kind = 'source_list'),
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE "evidence" (
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
CREATE INDEX evidence_claim ON evidence (claim, score DESC);
CREATE INDEX evidence_passage ON evidence (passage);
CREATE VIEW evidence_verdict AS
SELECT e.id AS evidence,
       coalesce((SELECT CASE r.action WHEN 'evidence-accept' THEN 'accepted' ELSE 'rejected' END
                 FROM review r WHERE r.evidence = e.id AND r.action IN ('evidence-accept', 'evidence-reject')
                 ORDER BY r.id DESC LIMIT 1), 'proposed') AS verdict
FROM evidence e;
CREATE VIEW evidence_report AS
SELECT e.claim, e.id AS evidence, e.score, e.stance, e.origin, e.reason, e.orphaned, v.verdict,
       p.text AS passage_text, s.url
FROM evidence e
JOIN evidence_verdict v ON v.evidence = e.id
JOIN passage p ON p.id = e.passage
JOIN snapshot n ON n.id = p.snapshot
JOIN source s ON s.id = n.source
WHERE v.verdict <> 'rejected';
CREATE TABLE "claim" (
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
CREATE INDEX claim_article ON claim (article, start);
CREATE TRIGGER claim_keep_reviewed BEFORE DELETE ON claim
WHEN old.origin = 'manual' OR EXISTS (SELECT 1 FROM review r WHERE r.claim = old.id) BEGIN
    SELECT RAISE(ABORT, 'a claim a person added or reviewed is never deleted');
END;
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
ORDER BY c.article, c.start;)sql"};
}

}  // namespace claimtrack::store_detail
