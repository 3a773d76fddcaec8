/** Where Slack sends slash commands and interactivity in HTTP mode (one URL for both, as Bolt expects). */
export const SLACK_EVENTS_PATH = '/slack/events';
