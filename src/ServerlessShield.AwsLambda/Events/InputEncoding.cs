namespace ServerlessShield.AwsLambda;

// How an input is written in the event: as a JSON string, as base64 in a JSON string, as a JSON value, or as the
// whole event.
internal enum InputEncoding
{
    Text,
    Base64,
    Json,
    WholeEvent,
}
