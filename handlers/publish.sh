#!/bin/sh
# arn:aws:states:::sns:publish: prints the message to stderr (the engine keeps it out of the
# result) and answers as SNS Publish does.
cat >&2
printf '{"MessageId":"00000000-0000-0000-0000-000000000000"}\n'
