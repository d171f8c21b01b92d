#!/bin/sh
# etl-transform-local: transforms one partition ({partition, index, date}) into a file name.
input=$(cat)
partition=$(printf '%s' "$input" | sed -n 's/.*"partition" *: *"\([^"]*\)".*/\1/p')
printf '{"file":"transformed/%s.parquet"}\n' "$partition"
