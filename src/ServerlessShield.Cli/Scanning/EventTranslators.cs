namespace ServerlessShield.Cli.Scanning;

// The translators the scan command tries, most specific shape first.
internal static class EventTranslators
{
    public static IReadOnlyList<IEventTranslator> All { get; } =
    [
    ];
}
