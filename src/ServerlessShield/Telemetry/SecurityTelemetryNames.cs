namespace ServerlessShield;

// The fixed lower-case words telemetry uses for enums, so tags and log fields never depend on enum names.
internal static class SecurityTelemetryNames
{
    public static string Action(FindingAction action) => action switch
    {
        FindingAction.Blocked => "blocked",
        FindingAction.Sanitized => "sanitized",
        FindingAction.Failed => "failed",
        _ => "monitored",
    };
}
