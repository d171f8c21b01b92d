#!/bin/sh
# etl-list-partitions-local: the day's partitions of the raw bucket, in the shape the
# workflow's ResultSelector reads ($.Payload.partitions). The date "empty" has none.
input=$(cat)
date=$(printf '%s' "$input" | sed -n 's/.*"date" *: *"\([^"]*\)".*/\1/p')
if [ -z "$date" ]; then
  printf '{"errorType":"MissingDate","errorMessage":"the input has no \\"date\\""}\n'
  exit 1
fi
if [ "$date" = "empty" ]; then
  printf '{"Payload":{"partitions":[]}}\n'
else
  printf '{"Payload":{"partitions":["%s/part-0","%s/part-1","%s/part-2"]}}\n' "$date" "$date" "$date"
fi
