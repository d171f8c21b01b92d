#!/bin/sh
# approval-apply-local: applies the approved change ($.request).
input=$(cat)
printf '{"applied":true,"change":%s}\n' "$input"
