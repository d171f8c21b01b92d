// Records: what `sfn` deployed where, from which commit, and every execution it started,
// kept in SQLite under `.sfn/records.sqlite` so `sfn results` can answer per revision.
