#!/bin/sh
# ml-build-features-local: the feature set for training.
cat > /dev/null
printf '{"features":["age","income","tenure"],"rows":1200}\n'
