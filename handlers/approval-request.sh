#!/bin/sh
# approval-request-local: would notify the approvers; here it prints the request (with the
# task token the execution waits on) to stderr for whoever answers with SendTaskSuccess.
cat >&2
printf '{}\n'
