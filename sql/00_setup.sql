-- Every later test file starts with the extension installed.
CREATE EXTENSION gireport;
SELECT extname, extversion FROM pg_extension WHERE extname = 'gireport';
