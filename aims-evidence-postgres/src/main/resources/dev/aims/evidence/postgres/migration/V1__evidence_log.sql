-- AIMS evidence log on PostgreSQL, schema version 1.
--
-- Entries and checkpoints are insert-only: the role a service uses needs INSERT and SELECT on
-- them and nothing else (see the README's GRANTs). Writers serialise on a transaction-scoped
-- advisory lock per log, never on a row lock, so no role needs UPDATE anywhere.

-- One row per log: its origin (the checkpoint's first line) and the number the other tables use.
CREATE TABLE aims_log (
    log_id     integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin     text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per entry, at its index in the log. `entry` holds the exact canonical bytes. `hashes`
-- holds the entry's RFC 9162 leaf hash, then the hash of every full subtree that this leaf
-- completes, smallest first: 32 bytes times (1 + the number of trailing zero bits of idx + 1).
-- The node at (level L, index I) is therefore bytes [32 L, 32 L + 32) of the row
-- idx = (I + 1) * 2^L - 1.
CREATE TABLE aims_entry (
    log_id integer NOT NULL,
    idx    bigint  NOT NULL CHECK (idx >= 0),
    entry  bytea   NOT NULL CHECK (length(entry) > 0),
    hashes bytea   NOT NULL CHECK (length(hashes) % 32 = 0 AND length(hashes) >= 32),
    PRIMARY KEY (log_id, idx)
);

-- The checkpoint history of each log, in the order signed (seq from 0). `size` repeats the
-- checkpoint's size so that readers find a checkpoint without parsing notes.
CREATE TABLE aims_checkpoint (
    log_id    integer     NOT NULL,
    seq       bigint      NOT NULL CHECK (seq >= 0),
    size      bigint      NOT NULL CHECK (size >= 0),
    note      text        NOT NULL,
    signed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (log_id, seq)
);

-- The erasable side store: the opening (salt and canonical value) of each commitment that a
-- log's leaves hold, keyed by the commitment's hex digest. Erasure deletes the row; the log and
-- its proofs stay valid.
CREATE TABLE aims_opening (
    log_id     integer NOT NULL,
    commitment text    NOT NULL,
    salt       bytea   NOT NULL CHECK (length(salt) = 32),
    value      bytea   NOT NULL CHECK (length(value) > 0),
    PRIMARY KEY (log_id, commitment)
);
