// Tests of the Records module.
