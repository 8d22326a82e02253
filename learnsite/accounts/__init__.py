"""Teachers' accounts: sign-up, log-in and password reset (learners need none)."""
