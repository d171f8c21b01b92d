// Tests of the Deployment module.
