"""The Slack front end: Bolt app, listeners, Block Kit rendering, feedback store."""
