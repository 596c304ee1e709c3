-- gireport refuses a database that is not UTF8, with a clear error.
\set SHOW_CONTEXT never
\set orig :DBNAME
CREATE DATABASE gir_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c gir_latin1
CREATE EXTENSION gireport;
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'gireport';
\c :orig
DROP DATABASE gir_latin1;
