-- Move the article's body to the last column. An import writes a large body in pieces into a
-- zeroblob reserved for it; SQLite keeps a zeroblob unexpanded only when it ends the row, so with
-- columns after the body the whole body was built in memory first. Nothing else changes.
CREATE TABLE article_moved (
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
INSERT INTO article_moved (id, title, date, language, format, origin, sha256, imported_at, body)
SELECT id, title, date, language, format, origin, sha256, imported_at, body FROM article;
DROP TABLE article;
ALTER TABLE article_moved RENAME TO article;
