#!/bin/sh
# process-local: the data-processing workflow's first step. Reads the execution input on
# stdin and answers it wrapped with a processing summary (POSIX sh only, no jq or python).
input=$(cat)
printf '{"processed":true,"source":%s}\n' "$input"
