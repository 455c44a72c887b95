namespace ServerlessShield;

/// <summary>Which event source triggered an invocation: its family and the platform's own name for it.</summary>
/// <param name="Kind">The family, which decides the inspection rules.</param>
/// <param name="Name">The platform's name for the source, such as <c>queueTrigger</c> or <c>aws:sqs</c>.</param>
public readonly record struct EventSourceInfo(EventSourceKind Kind, string Name)
{
    /// <summary>An unknown source, inspected as custom.</summary>
    public static EventSourceInfo Unknown { get; } = new(EventSourceKind.Custom, "unknown");

    /// <inheritdoc />
    public override string ToString() => Name;
}
