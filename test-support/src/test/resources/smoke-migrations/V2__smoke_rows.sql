INSERT INTO smoke_cluster VALUES ('prod-eu-1', '{"env":"prod","region":"eu"}'), ('dev-us-1', '{"env":"dev"}');
